package dev.logtally.logback;

import java.util.concurrent.locks.LockSupport;

/**
 * How {@link NeverDropAsyncAppender}'s worker waits when it finds the queue empty, since nobody wakes it:
 * right after work it checks again a few times with a spin hint, then a few times after
 * {@code Thread.yield()} (a burst's next event usually comes within microseconds), then sleeps for the
 * whole {@code maxLatency} at each check. One instance per worker thread; not thread-safe.
 *
 * <pre>{@code
 * IdleBackoff backoff = new IdleBackoff(TimeUnit.MILLISECONDS.toNanos(5), appender);
 * while (running) {
 *     if (drainSome()) backoff.reset(); else backoff.idle();
 * }
 * }</pre>
 */
final class IdleBackoff {
    /** Checks with a spin hint after work (about a microsecond in all)... */
    static final int SPINS = 100;
    /** ...then with a yield, before sleeping. */
    static final int YIELDS = 10;

    private final long parkNanos;
    private final Object blocker;
    private int idle;

    /** Sleeps {@code parkNanos} at most per wait, parked on {@code blocker} (shown in thread dumps). */
    IdleBackoff(long parkNanos, Object blocker) {
        this.parkNanos = parkNanos;
        this.blocker = blocker;
    }

    /** The worker found work: the next wait starts with spinning again. */
    void reset() {
        idle = 0;
    }

    /** The worker found nothing: waits a little before its next look, longer the longer it stays idle. */
    void idle() {
        if (idle < SPINS) {
            idle++;
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            idle++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(blocker, parkNanos);
        }
    }
}
