package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.logtally.testing.Poll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * {@link NeverDropAsyncAppender}'s Logback lifecycle, configured from Logback XML the way a service does:
 * configuration errors in the status system, work done on the caller's thread, an attached appender that
 * throws, attached appenders stopped at stop.
 */
class NeverDropAsyncConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static LoggerContext configure(String asyncBody) {
        String xml = "<configuration>\n"
                + "  <appender name=\"REC\" class=\"dev.logtally.logback.RecordingAppender\"/>\n"
                + "  <appender name=\"ASYNC\" class=\"dev.logtally.logback.NeverDropAsyncAppender\">\n"
                + asyncBody
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"ASYNC\"/></root>\n"
                + "</configuration>\n";
        LoggerContext context = new LoggerContext();
        context.setName("never-drop-config");
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new AssertionError(e);
        }
        return context;
    }

    private static List<String> errors(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " <" + s.getThrowable() + ">"))
                .collect(Collectors.toList());
    }

    private static NeverDropAsyncAppender async(LoggerContext context) {
        return (NeverDropAsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
    }

    private static RecordingAppender recorder(NeverDropAsyncAppender async) {
        return (RecordingAppender) async.getAppender("REC");
    }

    @Test
    void noAttachedAppenderIsAConfigurationError() {
        LoggerContext context = configure("");
        assertEquals(List.of("No attached appenders found: add an <appender-ref> to [ASYNC]."), errors(context));
        assertFalse(async(context).isStarted());
        context.stop();
    }

    @Test
    void badSettingsAreConfigurationErrors() {
        LoggerContext context = configure("    <queueSize>0</queueSize>\n    <maxLatency>0</maxLatency>\n"
                + "    <maxFlushTime>-1</maxFlushTime>\n    <appender-ref ref=\"REC\"/>\n");
        assertEquals(List.of(
                "Invalid queueSize [0] of [ASYNC]: it must be at least 1.",
                "Invalid maxLatency [0 milliseconds] of [ASYNC]: it must be at least 1 millisecond.",
                "Invalid maxFlushTime [-1] of [ASYNC]: 0 (wait until empty) or more milliseconds."), errors(context));
        assertFalse(async(context).isStarted());
        context.stop();
    }

    @Test
    void aMaxLatencyThatIsNotALogbackDurationIsAConfigurationError() {
        LoggerContext context = configure("    <maxLatency>5ms</maxLatency>\n    <appender-ref ref=\"REC\"/>\n");
        assertEquals(List.of("Invalid maxLatency [5ms] of [ASYNC]: not a Logback duration; write e.g. \"5\" or \"5 milliseconds\"."),
                errors(context));
        assertFalse(async(context).isStarted());
        context.stop();
    }

    @Test
    void settingsAreReadFromXml() {
        LoggerContext context = configure("    <queueSize>3</queueSize>\n    <maxLatency>2 seconds</maxLatency>\n"
                + "    <maxFlushTime>1500</maxFlushTime>\n    <includeCallerData>true</includeCallerData>\n"
                + "    <appender-ref ref=\"REC\"/>\n");
        NeverDropAsyncAppender async = async(context);
        assertEquals(List.of(), errors(context));
        assertEquals(List.of(3, 2000L, 1500, true), List.of(async.getQueueSize(), async.getMaxLatency().getMilliseconds(),
                async.getMaxFlushTime(), async.isIncludeCallerData()));
        assertTrue(async.isStarted());
        context.stop();
    }

    @Test
    void mdcThreadAndCallerDataAreTakenOnTheCallersThread() {
        LoggerContext context = configure("    <maxLatency>1</maxLatency>\n    <includeCallerData>true</includeCallerData>\n"
                + "    <appender-ref ref=\"REC\"/>\n");
        RecordingAppender rec = recorder(async(context));
        MDC.put("k", "v1");
        context.getLogger("t").info("one");
        MDC.remove("k");
        context.getLogger("t").info("two");
        String thread = Thread.currentThread().getName();
        String method = "mdcThreadAndCallerDataAreTakenOnTheCallersThread";
        Poll.until(WAIT, "two events recorded", () -> rec.seen().size() == 2);
        assertEquals(List.of("one|" + thread + "|v1|" + method, "two|" + thread + "|null|" + method), rec.seen());
        context.stop();
    }

    @Test
    void aThrowingAppenderDoesNotStopTheWorker() {
        LoggerContext context = configure("    <maxLatency>1</maxLatency>\n    <appender-ref ref=\"REC\"/>\n");
        NeverDropAsyncAppender async = async(context);
        RecordingAppender rec = recorder(async);
        for (String m : List.of("a", "boom 1", "b", "fatal 2", "c", "checked 3", "d")) {
            context.getLogger("t").info(m);
        }
        Poll.until(WAIT, "a, b, c, d recorded", () -> rec.seen().size() == 4);
        String thread = Thread.currentThread().getName();
        assertEquals(List.of("a|" + thread + "|null|-", "b|" + thread + "|null|-", "c|" + thread + "|null|-",
                "d|" + thread + "|null|-"), rec.seen());
        String failed = "[ASYNC] an attached appender failed on an event (written by none after it); going on";
        assertEquals(List.of(failed + " <java.lang.IllegalStateException: boom 1>", failed + " <java.lang.AssertionError: fatal 2>",
                failed + " <java.io.IOException: checked 3>"), errors(context));
        assertEquals(3, async.getFailedEventCount());
        assertTrue(async.worker().isAlive(), "worker alive");
        context.stop();
        assertFalse(rec.isStarted(), "attached appender stopped with the async appender");
        assertFalse(async.worker().isAlive(), "worker ended at stop");
    }

    @Test
    void eventsLoggedByAnAttachedAppenderAreWrittenInOrderEvenWhenTheQueueIsFull() {
        // queueSize 1 holds 2 events: had the worker queued the five events the appender logs while it
        // writes, the third would have found the queue full with nobody else to make room.
        LoggerContext context = configure("    <queueSize>1</queueSize>\n    <maxLatency>1</maxLatency>\n    <appender-ref ref=\"REC\"/>\n");
        NeverDropAsyncAppender async = async(context);
        RecordingAppender rec = recorder(async);
        context.getLogger("t").info("echo 5");
        String worker = async.worker().getName();
        List<String> expected = List.of("echo 5|" + Thread.currentThread().getName() + "|null|-", "echoed 0|" + worker + "|null|-",
                "echoed 1|" + worker + "|null|-", "echoed 2|" + worker + "|null|-", "echoed 3|" + worker + "|null|-",
                "echoed 4|" + worker + "|null|-");
        Poll.until(WAIT, "the event and the five it made recorded", () -> rec.seen().size() >= expected.size());
        context.stop();
        assertEquals(expected, rec.seen());
    }

    @Test
    void anInterruptLeftByAnAttachedAppenderDoesNotKeepTheWorkerAwake() {
        LoggerContext context = configure("    <maxLatency>1 minute</maxLatency>\n    <appender-ref ref=\"REC\"/>\n");
        NeverDropAsyncAppender async = async(context);
        RecordingAppender rec = recorder(async);
        context.getLogger("t").info("interrupt the worker");
        Poll.until(WAIT, "the event recorded", () -> rec.seen().size() == 1);
        Thread worker = async.worker();
        // With its interrupt flag set, parkNanos returns at once: the worker would spin on a whole core.
        Poll.until(WAIT, "the worker asleep, its interrupt flag cleared", () -> !worker.isInterrupted()
                && worker.getState() == Thread.State.TIMED_WAITING && LockSupport.getBlocker(worker) == async);
        context.getLogger("t").info("after");
        context.stop();
        String thread = Thread.currentThread().getName();
        assertEquals(List.of("interrupt the worker|" + thread + "|null|-", "after|" + thread + "|null|-"), rec.seen());
        assertFalse(worker.isAlive(), "worker ended at stop");
    }
}
