package dev.logtally.export;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} (0-based) is uniformly random
 * in {@code [0, min(cap, base * 2^n)]}, so that many tailers whose Pushgateway comes back do not retry
 * in lockstep. The random source is injected so tests get known waits.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), new Random());
 * Duration wait = backoff.delay(3); // somewhere in [0, 2s]
 * }</pre>
 */
public final class Backoff {
    private final long baseNanos;
    private final long capNanos;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.baseNanos = base.toNanos();
        this.capNanos = cap.toNanos();
        this.random = Objects.requireNonNull(random, "random");
        if (baseNanos <= 0 || capNanos < baseNanos) {
            throw new IllegalArgumentException("need 0 < base <= cap, got " + base + ", " + cap);
        }
    }

    /** The upper bound of the wait before retry {@code retry}: {@code min(cap, base * 2^retry)}. */
    public Duration ceiling(int retry) {
        long ceiling = retry >= 62 || baseNanos > (capNanos >> Math.min(retry, 62)) ? capNanos : baseNanos << retry;
        return Duration.ofNanos(Math.min(ceiling, capNanos));
    }

    /** A random wait in {@code [0, ceiling(retry)]}. */
    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toNanos();
        return Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
