package dev.logtally.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when a test moves it, so that code taking a {@link Clock} is tested without
 * waiting. Thread-safe: a test thread may move it while the code under test reads it.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.atMillis(1_000_000);
 * clock.advance(Duration.ofSeconds(10));   // clock.millis() == 1_010_000
 * clock.set(Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 */
public final class ManualClock extends Clock {
    private Instant now;

    /** A clock showing {@code start}. */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /** A clock showing {@code epochMillis}. */
    public static ManualClock atMillis(long epochMillis) {
        return new ManualClock(Instant.ofEpochMilli(epochMillis));
    }

    /** Moves the clock forward (or back, for a negative {@code d}). */
    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Sets the clock to {@code instant}. */
    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock for UTC; other zones are not supported (no test needs one). */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("ManualClock is UTC only, not " + zone);
        }
        return this;
    }
}
