package dev.logtally.run;

import dev.logtally.pipeline.FollowStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import dev.logtally.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The reader loop, driven step by step with a settable clock and a waiter that records instead of waiting. */
class ReaderLoopTest {
    private final List<String> calls = new ArrayList<>();
    private final AtomicReference<MetricSnapshot> published = new AtomicReference<>();
    private final ManualClock clock = ManualClock.atMillis(1_000_000);
    private final Waiter recordingWaiter = new Waiter() {
        @Override
        public void await(Duration max) {
            calls.add("wait " + max.toMillis());
        }

        @Override
        public void wake() {
            calls.add("wake");
        }
    };

    private long pending;
    private int checkpoints;
    private boolean failNextPoll;
    private boolean failCheckpoints;

    private final FollowStep step = new FollowStep() {
        @Override
        public long poll() {
            if (failNextPoll) {
                failNextPoll = false;
                throw new IllegalStateException("boom");
            }
            calls.add("poll " + pending);
            long n = pending;
            pending = 0;
            return n;
        }

        @Override
        public MetricSnapshot checkpoint() throws IOException {
            if (failCheckpoints) {
                throw new IOException("No space left on device");
            }
            checkpoints++;
            calls.add("checkpoint " + checkpoints);
            return snapshot(checkpoints);
        }
    };

    private static MetricSnapshot snapshot(int n) {
        return new MetricSnapshot(List.of(new MetricFamily("x_total", MetricType.COUNTER, "h", List.of(), null,
                List.of(Series.counter(List.of(), n)))));
    }

    private ReaderLoop loop() {
        ReaderLoop l = new ReaderLoop(step, clock, recordingWaiter, Duration.ofMillis(200), Duration.ofSeconds(10), published::set);
        return l;
    }

    @Test
    void idlePollsWaitAndBusyPollsDoNot() {
        ReaderLoop l = loop();
        pending = 100;
        l.runOnce();
        l.runOnce();
        assertEquals(List.of("poll 100", "poll 0", "wait 200"), calls);
    }

    @Test
    void checkpointWhenDueAndPublishIt() {
        ReaderLoop l2 = loop();
        l2.stop();
        l2.run();
        assertEquals(List.of("wake", "checkpoint 1"), calls, "a stopped loop still writes its final checkpoint");
        assertEquals(snapshot(1), published.get());
    }

    @Test
    void intervalTriggersCheckpoint() throws Exception {
        ReaderLoop l = loop();
        l.runOnce();
        clock.advance(Duration.ofSeconds(10));
        l.runOnce();
        assertEquals(List.of("poll 0", "wait 200", "poll 0", "checkpoint 1", "wait 200"), calls);
    }

    @Test
    void requestedCheckpointCompletesWithItsSnapshotWithoutWaiting() throws Exception {
        ReaderLoop l = loop();
        CompletableFuture<MetricSnapshot> a = l.requestCheckpoint();
        CompletableFuture<MetricSnapshot> b = l.requestCheckpoint();
        assertSame(a, b, "concurrent requests share one checkpoint");
        l.runOnce();
        assertEquals(snapshot(1), a.get());
        assertEquals(List.of("wake", "wake", "poll 0", "checkpoint 1", "wait 200"), calls);
    }

    @Test
    void aFailingPollDoesNotEndTheLoop() {
        ReaderLoop l = loop();
        failNextPoll = true;
        l.runOnce();
        pending = 5;
        l.runOnce();
        assertEquals(List.of("wait 200", "poll 5"), calls);
        assertTrue(!l.finished().isDone());
    }

    @Test
    void checkpointsFailingForLongerThanThreeIntervalsMakeItUnhealthy() {
        ReaderLoop l = loop();
        assertNull(l.unhealthy());
        failCheckpoints = true;
        clock.advance(Duration.ofSeconds(10));
        l.runOnce();                                 // the first failure
        clock.advance(Duration.ofSeconds(30));
        l.runOnce();
        assertNull(l.unhealthy(), "failing for 30 s = 3 intervals: not yet");
        clock.advance(Duration.ofMillis(1));
        assertEquals("checkpoints have failed for 30s (checkpoint.interval 10s): No space left on device", l.unhealthy());
        failCheckpoints = false;
        clock.advance(Duration.ofSeconds(10));
        l.runOnce();
        assertNull(l.unhealthy(), "one checkpoint written: healthy again");
        assertFalse(l.finalCheckpointFailed());
    }

    @Test
    void aFailedFinalCheckpointIsReported() {
        ReaderLoop l = loop();
        failCheckpoints = true;
        l.stop();
        l.run();
        assertTrue(l.finalCheckpointFailed());
    }
}
