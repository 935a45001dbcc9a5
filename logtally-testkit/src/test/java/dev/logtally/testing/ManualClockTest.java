package dev.logtally.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenToldTo() {
        ManualClock clock = ManualClock.atMillis(1_000_000);
        assertEquals(1_000_000, clock.millis());
        clock.advance(Duration.ofMillis(2_500));
        assertEquals(Instant.ofEpochMilli(1_002_500), clock.instant());
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneOffset.UTC));
        assertEquals("ManualClock is UTC only, not Europe/Prague",
                assertThrows(UnsupportedOperationException.class, () -> clock.withZone(ZoneId.of("Europe/Prague")))
                        .getMessage());
    }

    @Test
    void concurrentAdvancesAreNotLost() throws InterruptedException {
        ManualClock clock = ManualClock.atMillis(0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    clock.advance(Duration.ofMillis(1));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(40_000, clock.millis());
    }
}
