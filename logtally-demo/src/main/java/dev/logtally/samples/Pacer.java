package dev.logtally.samples;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps a producer at a steady rate: after {@code done} items, {@link #await} waits until the time
 * {@code done / rate} seconds after the start. Time and waiting are injected, so tests never sleep.
 *
 * <pre>{@code
 * Pacer pacer = new Pacer(100, System::nanoTime, LockSupport::parkNanos); // 100 per second
 * while (...) { produce(); pacer.await(++produced); }
 * }</pre>
 */
final class Pacer {
    private final double nanosPerItem;
    private final LongSupplier nanoTime;
    private final LongConsumer parkNanos;
    private final long start;

    Pacer(double perSecond, LongSupplier nanoTime, LongConsumer parkNanos) {
        this.nanosPerItem = 1e9 / perSecond;
        this.nanoTime = nanoTime;
        this.parkNanos = parkNanos;
        this.start = nanoTime.getAsLong();
    }

    /** Waits until {@code done} items are due. */
    void await(long done) {
        long due = start + (long) (done * nanosPerItem);
        for (long ahead; (ahead = due - nanoTime.getAsLong()) > 0; ) {
            parkNanos.accept(ahead);
        }
    }

    /** Nanoseconds since the start. */
    long elapsedNanos() {
        return nanoTime.getAsLong() - start;
    }
}
