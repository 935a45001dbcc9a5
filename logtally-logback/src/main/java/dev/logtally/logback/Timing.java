package dev.logtally.logback;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Timed events: one INFO event per timed call, carrying {@value #METHOD_FIELD} (what was timed) and a
 * numeric {@value #DURATION_FIELD} (milliseconds, to the microsecond), from which the tailer builds its
 * latency histogram. The message reads {@code "mining.submit took 12.346 ms"}.
 *
 * <pre>{@code
 * try (Timer t = Timing.start(log, "mining.submit")) {   // logged when the block ends, even by an exception
 *     handle(submit);
 * }
 * Timing.record(log, "db.insert_share", 3.2);             // a duration measured elsewhere
 * }</pre>
 *
 * The events are at INFO: keep the loggers that time calls at INFO or finer, or the histogram stays empty.
 */
public final class Timing {
    /** Field naming what was timed (CONTRACT §3). */
    public static final String METHOD_FIELD = "method";
    /** Field holding the duration in milliseconds, a JSON number (CONTRACT §3). */
    public static final String DURATION_FIELD = "duration_ms";

    private Timing() {
    }

    /** Logs that {@code method} took {@code durationMs} milliseconds. */
    public static void record(Logger log, String method, double durationMs) {
        if (log.isInfoEnabled()) {
            log.info("{} took {} ms", Flavours.CURRENT.text(METHOD_FIELD, method), Flavours.CURRENT.number(DURATION_FIELD, durationMs));
        }
    }

    /** Starts timing {@code method} on {@link System#nanoTime()}; the event is logged on {@link Timer#close()}. */
    public static Timer start(Logger log, String method) {
        return new Timer(log, method, System::nanoTime);
    }

    /** Starts timing {@code method} on the given monotonic nanosecond clock (a test's or a simulation's). */
    public static Timer start(Logger log, String method, LongSupplier nanoTime) {
        return new Timer(log, method, nanoTime);
    }

    /** Nanoseconds to milliseconds, rounded to the microsecond. */
    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
