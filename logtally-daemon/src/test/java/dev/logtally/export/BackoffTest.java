package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), new Random(3));

    @Test
    void ceilingDoublesUpToTheCap() {
        assertEquals(Duration.ofMillis(250), backoff.ceiling(0));
        assertEquals(Duration.ofMillis(500), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(16), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(7));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(63));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(1000));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndSpreads() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long d = backoff.delay(2).toNanos();
            assertTrue(d >= 0 && d <= 1_000_000_000L, "delay " + d);
            seen.add(d / 100_000_000L);
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), seen, "all tenths of [0, 1s] are hit");
    }

    @Test
    void extremesOfTheRandomSourceGiveZeroAndTheCeiling() {
        assertEquals(Duration.ofSeconds(2),
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), PusherStandInTest.MAX_JITTER).delay(3));
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
    }
}
