package dev.logtally.export;

import dev.logtally.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sleeper} that does not sleep: it records each wait and moves the test's clock by it, so that
 * backoff is asserted exactly and instantly.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
 * RecordingSleeper sleeper = new RecordingSleeper(clock);
 * new Pusher(options, listener, clock, sleeper, random).push(...);
 * sleeper.sleeps();   // [PT0.25S, PT0.5S]
 * }</pre>
 */
final class RecordingSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
