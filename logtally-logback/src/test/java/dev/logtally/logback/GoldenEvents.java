package dev.logtally.logback;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One event of each kind the Java API makes, on a thread with a fixed name, with fixed exceptions and a fake
 * clock: what the golden files ({@code src/test/resources/logback/golden/}) hold, written by
 * {@link DropInLineFormatTest} in this JVM and by {@link DropInLinesMain} on other stacks in child JVMs
 * ({@link GoldenLines} compares). It uses only SLF4J and logtally's API, so it loads on every stack.
 *
 * <pre>{@code
 * Thread t = new Thread(() -> GoldenEvents.logEveryKind(LoggerFactory.getLogger(GoldenEvents.LOGGER)), GoldenEvents.THREAD);
 * }</pre>
 */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
final class GoldenEvents {
    static final String LOGGER = "dev.logtally.golden.StratumProxy";
    static final String THREAD = "golden";

    private GoldenEvents() {
    }

    /** One event of each kind, on a thread with a fixed name, with fixed exceptions and a fake clock. */
    static void logEveryKind(Logger log) {
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
