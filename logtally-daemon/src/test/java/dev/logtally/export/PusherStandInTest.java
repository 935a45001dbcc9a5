package dev.logtally.export;

import dev.logtally.base.Secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Poll;
import dev.logtally.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The pusher against stand-in servers, for what the real Pushgateway cannot do: hang, answer 500, or 401 from a proxy. */
class PusherStandInTest {
    /** Full jitter at its upper end, so every wait is the backoff ceiling: 250 ms, 500 ms, 1 s, ... */
    static final RandomGenerator MAX_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();

    private Pusher pusher(PushOptions options) {
        return new Pusher(options, listener, clock, sleeper, MAX_JITTER);
    }

    @Test
    void aHungEndpointEndsTheAttemptAtTheTimeoutAndHangsUp() throws Exception {
        try (HungServer hung = new HungServer();
             Pusher pusher = pusher(PushOptions.of(hung.url(), "checkout", "host-1").withTimeout(Duration.ofMillis(300)))) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                long start = System.nanoTime();
                PushOutcome outcome = pusher.pushOnce(Fixtures.snapshot());
                long tookMillis = (System.nanoTime() - start) / 1_000_000;

                assertEquals(new PushFailure(PushFailure.Kind.TIMEOUT, 0,
                        "push to " + hung.url() + " timed out after 300ms"), outcome.lastFailure());
                // simpleclient alone would wait 10 s; the margin is generous for a loaded machine.
                assertTrue(tookMillis >= 300 && tookMillis < 300 + 3000, "attempt took " + tookMillis + " ms");
                int expectedClosed = attempt;
                Poll.until(Duration.ofSeconds(5), "the abandoned connection " + attempt + " to be closed",
                        () -> hung.closedByClient() == expectedClosed);
            }
            assertEquals(2, hung.accepted());
            assertEquals(2, listener.failures().size());
        }
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndEachRetryPushesTheLatestSnapshot() throws Exception {
        try (StandIn standIn = new StandIn(StandIn.Reply.of(500, "overloaded\nsecond line"),
                StandIn.Reply.of(503, ""), StandIn.Reply.of(200, ""));
             Pusher pusher = pusher(PushOptions.of(standIn.url(), "checkout", "host-1"))) {
            AtomicInteger version = new AtomicInteger();
            PushOutcome outcome = pusher.push(() -> Fixtures.counter("x_total", version.incrementAndGet()),
                    clock.instant().plusSeconds(10));

            assertTrue(outcome.succeeded());
            assertEquals(3, outcome.attempts());
            assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeper.sleeps());
            assertEquals(List.of("push to " + standIn.url() + " rejected (500): overloaded",
                    "push to " + standIn.url() + " rejected (503)"), listener.failureMessages());
            assertEquals(List.of(clock.instant()), listener.successes());
            List<StandIn.Request> requests = standIn.requests();
            assertEquals(3, requests.size());
            for (int i = 0; i < 3; i++) {
                assertEquals("PUT", requests.get(i).method());
                assertEquals("/metrics/job/checkout/instance/host-1", requests.get(i).path());
                assertEquals(TextFormat.CONTENT_TYPE, requests.get(i).contentType());
                assertEquals("# HELP x_total A counter.\n# TYPE x_total counter\nx_total " + (i + 1) + ".0\n",
                        requests.get(i).body());
            }
        }
    }

    @Test
    void retriesStopWhenTheNextOneCouldNotEndBeforeTheDeadline() throws Exception {
        try (StandIn standIn = new StandIn(StandIn.Reply.of(500, "down"));
             Pusher pusher = pusher(PushOptions.of(standIn.url(), "checkout", "host-1").withTimeout(Duration.ofSeconds(1)))) {
            Instant start = clock.instant();
            PushOutcome outcome = pusher.push(() -> Fixtures.counter("x_total", 1), start.plusSeconds(10));

            assertFalse(outcome.succeeded());
            // Waits 0.25+0.5+1+2+4 = 7.75 s; the next (8 s) plus a 1 s attempt would pass the 10 s deadline.
            assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.sleeps());
            assertEquals(6, outcome.attempts());
            assertEquals(6, standIn.requests().size());
            assertEquals(6, listener.failures().size());
            assertEquals(start.plusMillis(7750), outcome.finishedAt());
            assertEquals("push to " + standIn.url() + " rejected (500): down", outcome.lastFailure().message());
        }
    }

    @Test
    void aBearerTokenIsSentAsAnAuthorizationHeader() throws Exception {
        try (StandIn standIn = new StandIn(StandIn.Reply.of(200, ""));
             Pusher pusher = pusher(PushOptions.of(standIn.url(), "checkout", "host-1")
                     .withAuth(new PushAuth.Bearer(Secret.of("tok-123", "test"))))) {
            assertTrue(pusher.pushOnce(Fixtures.counter("x_total", 1)).succeeded());
            assertEquals("Bearer tok-123", standIn.requests().get(0).authorization());
        }
    }

    @Test
    void aPathPrefixInTheUrlIsKept() throws Exception {
        try (StandIn standIn = new StandIn(StandIn.Reply.of(200, ""));
             Pusher pusher = pusher(PushOptions.of(standIn.url() + "/pushgateway/", "checkout", "host-1"))) {
            assertTrue(pusher.pushOnce(Fixtures.counter("x_total", 1)).succeeded());
            assertEquals("/pushgateway/metrics/job/checkout/instance/host-1", standIn.requests().get(0).path());
        }
    }
}
