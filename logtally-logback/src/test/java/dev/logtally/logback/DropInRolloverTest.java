package dev.logtally.logback;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acceptance of the drop-in: N events of every level from several threads, through the real
 * {@code logtally-appender.xml} with a small {@code logtally.maxFileSize} so that it rolls over many
 * times while the threads log as fast as they can (the async queue fills and blocks them). Afterwards
 * there are exactly N lines across the active file and the {@code .gz} archives, each event once, each
 * a JSON object with the contract's fields.
 */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
class DropInRolloverTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 3_000;
    private static final int N = THREADS * PER_THREAD;
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Gauge QUEUE = Gauge.of("queue_depth");
    private static final ErrorType BROKEN = ErrorType.of("broken_thing");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyEventOfEveryLevelIsWrittenExactlyOnceAcrossRollovers(@TempDir Path dir) throws Exception {
        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> lines;
        try (WatchService watch = dir.getFileSystem().newWatchService()) {
            dir.register(watch, ENTRY_CREATE);
            Thread watcher = new Thread(() -> recordNames(watch, created), "watcher");
            watcher.start();
            DropIn dropIn = DropIn.start(dir, Map.of(
                    "logtally.maxFileSize", "64KB",
                    "logtally.service", "rollover-test",
                    "logtally.release", "3.1.4"));
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Logger log = dropIn.logger("rollover.t" + t);
                int th = t;
                Thread thread = new Thread(() -> logMix(log, th, go), "logger-" + t);
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            lines = dropIn.stopAndReadAll();
            assertEquals(List.of(), DropIn.problems(dropIn.context), "Logback status warnings/errors");
            assertTrue(dropIn.files().size() >= 4, "several rollovers: " + dropIn.files());
        }

        assertEquals(N, lines.size(), "lines across the active file and the archives");
        Set<String> seqs = new HashSet<>();
        Map<String, Integer> levels = new TreeMap<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertTrue(e.isObject(), line);
            String seq = e.path("seq").asString();
            assertTrue(seqs.add(seq), "event written twice: " + seq);
            levels.merge(e.path("level").asString(), 1, Integer::sum);
            checkEvent(e, Integer.parseInt(seq.substring(seq.indexOf('-') + 1)), line);
        }
        assertEquals(N, seqs.size());
        int each = N / 6;
        assertEquals(Map.of("TRACE", each, "DEBUG", each, "INFO", 2 * each, "WARN", each, "ERROR", each), levels);

        // Logback 1.6.6 renames the active file to the archive's name minus ".gz" before compressing it.
        for (String name : created) {
            assertTrue(name.equals("app.log") || DropIn.ARCHIVE.matcher(name).matches(), "unexpected file " + name);
        }
        assertTrue(created.stream().anyMatch(n -> DropIn.ARCHIVE.matcher(n).matches() && !n.endsWith(".gz")),
                "the uncompressed rename target was seen: " + created);
    }

    /** Six kinds of event in turn; the MDC field {@code seq} ("thread-i") tells each event apart. */
    private static void logMix(Logger log, int thread, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < PER_THREAD; i++) {
            MDC.put("seq", thread + "-" + i);
            switch (i % 6) {
                case 0 -> log.trace("trace {}", i);
                case 1 -> {
                    try (Correlation.Scope s = Correlation.open()) {
                        log.debug("debug {}", i);
                    }
                }
                case 2 -> Timing.record(log, "op.t" + thread, i + 0.25);
                case 3 -> QUEUE.report(log, i);
                case 4 -> log.warn("warn {}", i);
                default -> {
                    try (Correlation.Scope s = Correlation.open()) {
                        BROKEN.log(log, new IllegalStateException("failure " + i), "failed {}", i);
                    }
                }
            }
            MDC.remove("seq");
        }
    }

    private static void checkEvent(JsonNode e, int i, String line) {
        Instant.parse(e.path("@timestamp").asString());
        assertEquals("rollover-test", e.path("service").asString(), line);
        assertEquals("3.1.4", e.path("release").asString(), line);
        assertTrue(e.path("logger_name").asString().startsWith("rollover.t"), line);
        assertTrue(e.path("thread_name").asString().startsWith("logger-"), line);
        String thread = e.path("logger_name").asString().substring("rollover.t".length());
        switch (i % 6) {
            case 0 -> assertEquals(List.of("TRACE", "trace " + i), List.of(e.path("level").asString(), e.path("message").asString()));
            case 1 -> {
                assertEquals(List.of("DEBUG", "debug " + i), List.of(e.path("level").asString(), e.path("message").asString()));
                assertTrue(HEX32.matcher(e.path("correlation_id").asString()).matches(), line);
            }
            case 2 -> {
                assertEquals("op.t" + thread, e.path("method").asString(), line);
                assertTrue(e.path("duration_ms").isNumber(), line);
                assertEquals(i + 0.25, e.path("duration_ms").asDouble(), line);
                assertEquals("op.t" + thread + " took " + (i + 0.25) + " ms", e.path("message").asString());
            }
            case 3 -> {
                assertTrue(e.path("queue_depth").isNumber(), line);
                assertEquals(i, e.path("queue_depth").asInt(), line);
            }
            case 4 -> assertEquals(List.of("WARN", "warn " + i), List.of(e.path("level").asString(), e.path("message").asString()));
            default -> {
                assertEquals(List.of("ERROR", "failed " + i, "broken_thing"),
                        List.of(e.path("level").asString(), e.path("message").asString(), e.path("error_type").asString()));
                assertTrue(e.path("stack_trace").asString().startsWith("java.lang.IllegalStateException: failure " + i + "\n\tat "), line);
                assertTrue(e.path("stack_hash").asString().matches("[0-9a-f]{8}"), line);
                assertTrue(HEX32.matcher(e.path("correlation_id").asString()).matches(), line);
            }
        }
        if (i % 6 != 1 && i % 6 != 5) {
            assertTrue(e.path("correlation_id").isMissingNode(), line);
        }
    }

    private static void recordNames(WatchService watch, Set<String> names) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW) {
                        names.add("(overflow)");
                    } else {
                        names.add(event.context().toString());
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // the test is over
        }
    }
}
