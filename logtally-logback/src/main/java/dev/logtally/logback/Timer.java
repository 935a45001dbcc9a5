package dev.logtally.logback;

import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A running timer from {@link Timing#start}: closing it logs one timed event with the time since it
 * started. Closing it again does nothing, so an early {@code close()} inside the block is safe.
 *
 * <pre>{@code
 * try (Timer t = Timing.start(log, "mining.authorize")) {
 *     authorize(worker);
 * }
 * }</pre>
 */
public final class Timer implements AutoCloseable {
    private final Logger log;
    private final String method;
    private final LongSupplier nanoTime;
    private final long start;
    private boolean closed;

    Timer(Logger log, String method, LongSupplier nanoTime) {
        this.log = log;
        this.method = method;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** What is being timed. */
    public String method() {
        return method;
    }

    /** Milliseconds since the timer started, to the microsecond. */
    public double elapsedMillis() {
        return Timing.millis(nanoTime.getAsLong() - start);
    }

    /** Logs the timed event, once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Timing.record(log, method, elapsedMillis());
        }
    }
}
