package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Written lines against a golden file, byte for byte but for {@code @timestamp}, which is masked (after
 * checking that it is an ISO-8601 time with an offset).
 *
 * <pre>{@code
 * GoldenLines.assertMatch(Project.module().resolve("src/test/resources/logback/golden/drop-in-lines.jsonl"), lines);
 * }</pre>
 */
final class GoldenLines {
    private GoldenLines() {
    }

    /**
     * Compares {@code lines} with the golden file, {@code @timestamp} masked (it must be an ISO-8601 time);
     * {@code -Dlogtally.golden.update=true} rewrites the file instead.
     */
    static void assertMatch(Path golden, List<String> lines) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder masked = new StringBuilder();
        for (String line : lines) {
            JsonNode e = json.readTree(line);
            String timestamp = e.path("@timestamp").asString();
            OffsetDateTime.parse(timestamp);
            masked.append(line.replace("\"@timestamp\":\"" + timestamp + "\"", "\"@timestamp\":\"<masked>\"")).append('\n');
        }
        if (Boolean.getBoolean("logtally.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, masked);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), masked.toString(), golden.toString());
    }
}
