package dev.logtally.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed {@code samples/logs} (made once by {@code demo-app}, see {@code samples/README.md}): a
 * few {@code .gz} archives plus the active file, under 1 MB, holding every error type, method and gauge
 * of the sample service. The exact counts are pinned so that other stages can write golden tests on
 * these files.
 */
class SampleLogsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSampleLogsAreTheOnesDescribedInTheReadme() throws IOException {
        Path dir = SampleLogs.dir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().collect(Collectors.toList());
        }
        assertEquals(List.of(
                "loka-stratum.2026-11-24.0.log.gz", "loka-stratum.2026-11-24.1.log.gz", "loka-stratum.2026-11-24.2.log.gz",
                "loka-stratum.2026-11-24.3.log.gz", "loka-stratum.log"),
                files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toList()));
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        assertTrue(bytes < 1_000_000, bytes + " bytes");

        Map<String, Integer> levels = new TreeMap<>();
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> gauges = new TreeMap<>();
        int lines = 0;
        for (Path f : files) {
            for (String line : SampleLogs.read(f)) {
                lines++;
                JsonNode e = JSON.readTree(line);
                Instant.parse(e.path("@timestamp").asString());
                assertEquals("loka-stratum", e.path("service").asString(), line);
                assertEquals("2.4.1", e.path("release").asString(), line);
                levels.merge(e.path("level").asString(), 1, Integer::sum);
                if (e.has("method")) {
                    methods.merge(e.path("method").asString(), 1, Integer::sum);
                    assertTrue(e.path("duration_ms").isNumber() && e.path("duration_ms").asDouble() >= 0, line);
                }
                if (e.path("level").asString().equals("ERROR")) {
                    errors.merge(e.path("error_type").asString(), 1, Integer::sum);
                    assertTrue(e.path("stack_trace").asString().contains("\n\tat "), line);
                    assertTrue(e.path("stack_hash").asString().matches("[0-9a-f]{8}"), line);
                }
                for (String gauge : List.of("active_connections", "message_queue_size", "pool_connected", "memory_used_bytes")) {
                    if (e.has(gauge)) {
                        assertTrue(e.path(gauge).isNumber(), line);
                        gauges.merge(gauge, 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(6001, lines);
        assertEquals(Map.of("DEBUG", 617, "ERROR", 95, "INFO", 5289), levels);
        assertEquals(Map.of("mining.subscribe", 102, "mining.authorize", 102, "mining.submit", 2300,
                "mining.notify", 13, "db.insert_share", 2239), methods);
        assertEquals(Map.of("connection_timeout", 9, "protocol_violation", 8, "invalid_share", 61,
                "db_write_failed", 12, "pool_disconnected", 5), errors);
        assertEquals(Map.of("active_connections", 100, "message_queue_size", 100, "pool_connected", 100,
                "memory_used_bytes", 100), gauges);
    }
}
