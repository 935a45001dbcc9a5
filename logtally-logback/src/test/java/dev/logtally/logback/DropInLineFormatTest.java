package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact lines the drop-in writes for each kind of event the API makes, against a golden file
 * ({@code src/test/resources/logback/golden/drop-in-lines.jsonl}); only {@code @timestamp} is masked.
 * Other stages can read the golden file to see what they parse.
 */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
class DropInLineFormatTest {
    private static final Path GOLDEN = Project.module().resolve("src/test/resources/logback/golden/drop-in-lines.jsonl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void linesMatchTheGoldenFile(@TempDir Path dir) throws Exception {
        List<String> lines;
        try (DropIn dropIn = DropIn.start(dir, Map.of("logtally.service", "loka-stratum", "logtally.release", "2.0.0"))) {
            Logger log = dropIn.logger(GoldenEvents.LOGGER);
            Thread thread = new Thread(() -> GoldenEvents.logEveryKind(log), GoldenEvents.THREAD);
            thread.start();
            thread.join();
            lines = dropIn.stopAndReadAll();
        }
        GoldenLines.assertMatch(GOLDEN, lines);
    }

    @Test
    void releaseIsLeftOutWhenEmptyAndValuesAreEscaped(@TempDir Path dir) throws Exception {
        List<String> lines;
        try (DropIn dropIn = DropIn.start(dir, Map.of("logtally.service", "odd \"name\"\n"))) {
            dropIn.logger("x").info("one");
            lines = dropIn.stopAndReadAll();
        }
        assertEquals(1, lines.size());
        JsonNode e = JSON.readTree(lines.get(0));
        assertEquals("odd \"name\"", e.path("service").asString(), "stripped, escaped, read back whole");
        assertTrue(e.path("release").isMissingNode(), lines.get(0));
        assertFalse(lines.get(0).contains("\"release\""), lines.get(0));
    }
}
