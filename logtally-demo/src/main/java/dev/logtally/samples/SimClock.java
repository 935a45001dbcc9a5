package dev.logtally.samples;

import java.util.function.LongSupplier;

/**
 * Virtual time for the simulation, one clock per thread: simulated work {@linkplain #spend spends}
 * time, and the API's timers read it. Latencies are then exact and repeatable, and the demo runs as
 * fast as {@code --rate} asks instead of sleeping through every simulated millisecond.
 *
 * <pre>{@code
 * SimClock clock = new SimClock();
 * try (Timer t = Timing.start(log, "mining.submit", clock)) {
 *     clock.spend(12.5);                  // the event says duration_ms 12.5
 * }
 * }</pre>
 */
final class SimClock implements LongSupplier {
    private final ThreadLocal<long[]> nanos = ThreadLocal.withInitial(() -> new long[1]);

    /** This thread's virtual time, in nanoseconds. */
    @Override
    public long getAsLong() {
        return nanos.get()[0];
    }

    /** Lets {@code millis} of virtual time pass on this thread. */
    void spend(double millis) {
        nanos.get()[0] += Math.round(millis * 1_000_000.0);
    }
}
