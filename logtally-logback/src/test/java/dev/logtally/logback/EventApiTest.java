package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Timers, error types and gauges: what they write, and the names they refuse. */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
class EventApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void timerLogsOnceEvenWhenTheBlockThrowsOrIsClosedTwice(@TempDir Path dir) {
        List<String> lines;
        try (DropIn dropIn = DropIn.start(dir, Map.of())) {
            Logger log = dropIn.logger("timer");
            AtomicLong nanos = new AtomicLong();
            assertThrows(IllegalStateException.class, () -> {
                try (Timer t = Timing.start(log, "mining.authorize", nanos::get)) {
                    nanos.addAndGet(80_000_400L);
                    throw new IllegalStateException("db down");
                }
            });
            Timer t = Timing.start(log, "mining.subscribe", nanos::get);
            nanos.addAndGet(1_500L);
            assertEquals(0.002, t.elapsedMillis());
            t.close();
            nanos.addAndGet(1_000_000L);
            t.close();
            lines = dropIn.stopAndReadAll();
        }
        assertEquals(List.of("mining.authorize=80.0", "mining.subscribe=0.002"),
                lines.stream().map(EventApiTest::timed).toList());
    }

    private static String timed(String line) {
        JsonNode e = JSON.readTree(line);
        return e.path("method").asString() + "=" + e.path("duration_ms").asDouble();
    }

    @Test
    void errorTypeKeepsMessageArgumentsAndTheException(@TempDir Path dir) {
        List<String> lines;
        try (DropIn dropIn = DropIn.start(dir, Map.of())) {
            ErrorType.of("pool_disconnected").log(dropIn.logger("errors"), new java.net.SocketException("Connection reset"),
                    "lost pool {} after {} s", "stratum+tcp://pool.example:3333", 42);
            lines = dropIn.stopAndReadAll();
        }
        JsonNode e = JSON.readTree(lines.get(0));
        assertEquals(List.of("ERROR", "lost pool stratum+tcp://pool.example:3333 after 42 s", "pool_disconnected"),
                List.of(e.path("level").asString(), e.path("message").asString(), e.path("error_type").asString()));
        assertEquals("java.net.SocketException: Connection reset", e.path("stack_trace").asString().lines().findFirst().orElse(""));
        assertEquals(8, e.path("stack_hash").asString().length());
    }

    @Test
    void badNamesAreRefusedWithTheReason() {
        assertEquals("an error type must be 1 to 64 characters of a-z, 0-9 and _, starting with a letter: \"Connection-Timeout\"",
                assertThrows(IllegalArgumentException.class, () -> ErrorType.of("Connection-Timeout")).getMessage());
        assertEquals("an error type must be 1 to 64 characters of a-z, 0-9 and _, starting with a letter: null",
                assertThrows(IllegalArgumentException.class, () -> ErrorType.of(null)).getMessage());
        assertEquals("a gauge name must be 1 to 64 characters of a-z, 0-9 and _, starting with a letter: a name of 65 characters",
                assertThrows(IllegalArgumentException.class, () -> Gauge.of("g".repeat(65))).getMessage());
        assertEquals("a gauge name must be 1 to 64 characters of a-z, 0-9 and _, starting with a letter: \"9lives\"",
                assertThrows(IllegalArgumentException.class, () -> Gauge.of("9lives")).getMessage());
        assertEquals("a gauge name must not be a field the log line already has: \"duration_ms\"",
                assertThrows(IllegalArgumentException.class, () -> Gauge.of("duration_ms")).getMessage());
        assertEquals("db_write_failed", ErrorType.of("db_write_failed").name());
        assertEquals("pool_connected", Gauge.of("pool_connected").name());
    }
}
