package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import dev.logtally.testing.Poll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drop-in's {@code LOGTALLY} appender ({@link NeverDropAsyncAppender}) through the real
 * {@code logback-test.xml} and {@code logtally-appender.xml}: nothing lost when a tiny queue blocks several
 * threads, each thread's order kept, every queued event on disk after {@code LoggerContext.stop()}, and an
 * event logged while the worker sleeps written within {@code logtally.asyncMaxLatency} without anyone
 * waking the worker.
 */
class NeverDropAsyncDropInTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    static NeverDropAsyncAppender async(DropIn dropIn) {
        return (NeverDropAsyncAppender) dropIn.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LOGTALLY");
    }

    /** Waits until the worker has found the queue empty and sleeps in its timed park. */
    static void awaitWorkerAsleep(NeverDropAsyncAppender async) {
        Thread worker = async.worker();
        Poll.until(WAIT, "the async worker asleep", () -> worker.getState() == Thread.State.TIMED_WAITING
                && LockSupport.getBlocker(worker) == async);
    }

    @Test
    void aTinyQueueBlocksTheCallersAndLosesNothingAndKeepsEachThreadsOrder(@TempDir Path dir) throws Exception {
        int threads = 4;
        int perThread = 5_000;
        DropIn dropIn = DropIn.start(dir, Map.of("logtally.asyncQueueSize", "2", "logtally.asyncMaxLatency", "1"));
        NeverDropAsyncAppender async = async(dropIn);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            org.slf4j.Logger log = dropIn.logger("order.t" + t);
            int th = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    // TRACE and DEBUG too: Logback's AsyncAppender would drop them first.
                    if (i % 2 == 0) {
                        log.trace("{} {}", th, i);
                    } else {
                        log.debug("{} {}", th, i);
                    }
                }
            }, "order-" + t);
            thread.start();
            loggers.add(thread);
        }
        go.countDown();
        for (Thread thread : loggers) {
            thread.join();
        }
        long waits = async.getFullQueueWaits();
        List<String> lines = dropIn.stopAndReadAll();
        assertEquals(List.of(), DropIn.problems(dropIn.context));
        assertTrue(waits > 0, "the callers found the queue full and waited (blocking path taken): " + waits);

        assertEquals(threads * perThread, lines.size(), "lines on disk");
        Map<Integer, Integer> next = new HashMap<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            String[] parts = e.path("message").asString().split(" ");
            int th = Integer.parseInt(parts[0]);
            int i = Integer.parseInt(parts[1]);
            int expected = next.getOrDefault(th, 0);
            assertEquals(expected, i, "thread " + th + "'s events in order");
            assertEquals(List.of(i % 2 == 0 ? "TRACE" : "DEBUG", "order-" + th),
                    List.of(e.path("level").asString(), e.path("thread_name").asString()), line);
            next.put(th, i + 1);
        }
        assertEquals(Map.of(0, perThread, 1, perThread, 2, perThread, 3, perThread), next);
    }

    @Test
    void stoppingTheContextWritesEveryQueuedEvent(@TempDir Path dir) throws Exception {
        int n = 1_000;
        // The worker would sleep for a minute: the events are still queued when the context stops.
        DropIn dropIn = DropIn.start(dir, Map.of("logtally.asyncMaxLatency", "1 minute"));
        NeverDropAsyncAppender async = async(dropIn);
        awaitWorkerAsleep(async);
        org.slf4j.Logger log = dropIn.logger("stop");
        for (int i = 0; i < n; i++) {
            MDC.put("seq", Integer.toString(i));
            log.info("event {}", i);
        }
        MDC.remove("seq");
        assertEquals(n, async.getNumberOfElementsInQueue(), "events queued, none written yet");
        assertEquals(0L, Files.size(dir.resolve("app.log")), "nothing written yet");

        long start = System.nanoTime();
        List<String> lines = dropIn.stopAndReadAll();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(stopMillis < 30_000, "stop() woke the worker instead of waiting out its minute: " + stopMillis + " ms");
        assertEquals(List.of(), DropIn.problems(dropIn.context));
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            JsonNode e = JSON.readTree(lines.get(i));
            assertEquals(List.of("event " + i, Integer.toString(i)), List.of(e.path("message").asString(), e.path("seq").asString()));
        }
        assertTrue(!async.isStarted() && !async.worker().isAlive(), "appender stopped, worker ended");
    }

    @Test
    void anEventLoggedWhileTheWorkerSleepsIsWrittenWithinMaxLatency(@TempDir Path dir) throws IOException {
        long maxLatencyMillis = 200;
        DropIn dropIn = DropIn.start(dir, Map.of("logtally.asyncMaxLatency", maxLatencyMillis + " milliseconds"));
        NeverDropAsyncAppender async = async(dropIn);
        Path file = dir.resolve("app.log");
        try {
            for (int round = 0; round < 3; round++) {
                awaitWorkerAsleep(async);
                long start = System.nanoTime();
                dropIn.logger("idle").info("idle {}", round);
                int lines = round + 1;
                Poll.until(WAIT, "event " + round + " on disk", () -> DropIn.read(file).size() == lines);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                // Poll's own pauses (up to 50 ms) and a loaded machine's scheduling add to maxLatency.
                assertTrue(millis <= maxLatencyMillis + 300, "written after " + millis + " ms, maxLatency " + maxLatencyMillis + " ms");
                assertEquals("idle " + round, JSON.readTree(DropIn.read(file).get(round)).path("message").asString());
            }
        } finally {
            dropIn.close();
        }
        assertEquals(List.of(), DropIn.problems(dropIn.context));
    }
}
