package dev.logtally.export;

import java.time.Duration;

/**
 * Waits for a while: {@code Thread::sleep} in production, a recorder in tests, so that tests of backoff
 * never sleep.
 *
 * <pre>{@code
 * Sleeper real = d -> Thread.sleep(d.toMillis());
 * List<Duration> slept = new ArrayList<>();
 * Sleeper recording = slept::add;
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** The real one. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
