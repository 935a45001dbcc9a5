package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
            Logger log = dropIn.logger("dev.logtally.golden.StratumProxy");
            Thread thread = new Thread(() -> logEveryKind(log), "golden");
            thread.start();
            thread.join();
            lines = dropIn.stopAndReadAll();
        }
        StringBuilder masked = new StringBuilder();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            String timestamp = e.path("@timestamp").asString();
            Instant.parse(timestamp);
            masked.append(line.replace("\"@timestamp\":\"" + timestamp + "\"", "\"@timestamp\":\"<masked>\"")).append('\n');
        }
        if (Boolean.getBoolean("logtally.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, masked);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), masked.toString());
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

    /** One event of each kind, on a thread with a fixed name, with fixed exceptions and a fake clock. */
    private static void logEveryKind(Logger log) {
        log.trace("trace line");
        log.debug("debug line");
        log.info("proxy listening on {}", "0.0.0.0:3333");
        try (Correlation.Scope s = Correlation.open("sess-00000001")) {
            log.info("miner connected: {}", "rig-01.worker1");
            AtomicLong nanos = new AtomicLong(1_000_000_000L);
            try (Timer t = Timing.start(log, "mining.submit", nanos::get)) {
                nanos.addAndGet(12_345_678L);
            }
            Timing.record(log, "mining.notify", 0.5);
            ErrorType.of("connection_timeout").log(log, fixedException(), "miner {} silent for {} s", "rig-01.worker1", 300);
            ErrorType.of("invalid_share").log(log, null, "share rejected: {}", "stale job");
        }
        Gauge.of("active_connections").report(log, 42);
        Gauge.of("memory_used_bytes").report(log, 1.5e8);
        Gauge.of("message_queue_size").report(log, Double.NaN);
        log.warn("unicode \u00e9\u4e2d and \"quotes\"\nand a newline\tand a tab");
    }

    /** An exception with a cause and fixed frames, so stack_trace and stack_hash are fixed too. */
    static Throwable fixedException() {
        SocketTimeoutException cause = new SocketTimeoutException("Read timed out");
        cause.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.net.SocketInputStream", "socketRead0", "SocketInputStream.java", -2),
                new StackTraceElement("java.net.SocketInputStream", "read", "SocketInputStream.java", 168),
                new StackTraceElement("dev.logtally.golden.StratumConnection", "readLine", "StratumConnection.java", 71),
        });
        IOException e = new IOException("miner connection lost", cause);
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("dev.logtally.golden.StratumConnection", "readLine", "StratumConnection.java", 74),
                new StackTraceElement("dev.logtally.golden.StratumProxy", "serve", "StratumProxy.java", 120),
                new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java", 1136),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833),
        });
        return e;
    }
}
