package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import dev.logtally.testing.PromText;
import dev.logtally.testing.RealProgram;
import dev.logtally.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes to the real {@code prometheus-pushgateway} and reads its {@code /metrics} back. */
class PusherRealPushgatewayTest {
    private static final String G = "instance=\"host-1\",job=\"checkout\"";

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();

    private Pusher pusher(String url, String job, String instance) {
        return new Pusher(PushOptions.of(url, job, instance), listener, clock, sleeper, new Random(1));
    }

    /** Our series in the Pushgateway's answer: everything of the group but its push_*_seconds bookkeeping. */
    private static Map<String, Double> group(RealProgram pg, String groupLabels) {
        Map<String, Double> out = new TreeMap<>();
        PromText.parse(pg.get("/metrics")).forEach((k, v) -> {
            if (k.contains(groupLabels) && !k.startsWith("push_")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void pushedCountersHistogramBucketsAndGaugesArriveExactly() {
        try (RealProgram pg = RealProgram.pushgateway(tmp); Pusher pusher = pusher(pg.url(), "checkout", "host-1")) {
            PushOutcome outcome = pusher.pushOnce(Fixtures.snapshot());
            assertTrue(outcome.succeeded(), () -> String.valueOf(outcome.lastFailure()));

            Map<String, Double> expected = new TreeMap<>();
            expected.put("app_errors_total{error_type=\"connection_timeout\"," + G + ",service=\"api\"}", 3.0);
            expected.put("app_errors_total{error_type=\"quote\\\"back\\\\slash\\nnewline\"," + G + ",service=\"api\"}", 1.0);
            expected.put("app_queue_depth{" + G + "}", 17.5);
            expected.put("app_ratio{" + G + ",kind=\"big\"}", 2e6);
            expected.put("app_ratio{" + G + ",kind=\"inf\"}", Double.POSITIVE_INFINITY);
            expected.put("app_ratio{" + G + ",kind=\"nan\"}", Double.NaN);
            expected.put("app_ratio{" + G + ",kind=\"negative\"}", -0.25);
            expected.put("app_ratio{" + G + ",kind=\"tiny\"}", 1e-5);
            String[] le = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
            double[] get = {1, 1, 3, 3, 3, 6, 6, 6, 6, 6, 6, 7};
            for (int i = 0; i < le.length; i++) {
                expected.put("app_request_duration_seconds_bucket{" + G + ",le=\"" + le[i] + "\",method=\"GET /orders\"}", get[i]);
                expected.put("app_request_duration_seconds_bucket{" + G + ",le=\"" + le[i] + "\",method=\"POST /orders\"}", 0.0);
            }
            expected.put("app_request_duration_seconds_count{" + G + ",method=\"GET /orders\"}", 7.0);
            expected.put("app_request_duration_seconds_sum{" + G + ",method=\"GET /orders\"}", 12.612345678);
            expected.put("app_request_duration_seconds_count{" + G + ",method=\"POST /orders\"}", 0.0);
            expected.put("app_request_duration_seconds_sum{" + G + ",method=\"POST /orders\"}", 0.0);
            expected.put("logtally_lines_total{" + G + "}", 1234567.0);
            assertEquals(expected, group(pg, G));
            assertEquals(List.of(clock.instant()), listener.successes());
            assertEquals(List.of(), listener.failures());
        }
    }

    @Test
    void aSecondPushReplacesTheWholeGroup() {
        try (RealProgram pg = RealProgram.pushgateway(tmp); Pusher pusher = pusher(pg.url(), "checkout", "host-1")) {
            assertTrue(pusher.pushOnce(Fixtures.snapshot()).succeeded());
            MetricSnapshot second = new MetricSnapshot(List.of(new MetricFamily("app_errors_total", MetricType.COUNTER,
                    "Errors by type.\nCounted from ERROR events; path C:\\logs.", List.of("error_type", "service"), null,
                    List.of(Series.counter(List.of("connection_timeout", "api"), 5)))));
            assertTrue(pusher.pushOnce(second).succeeded());
            assertEquals(Map.of("app_errors_total{error_type=\"connection_timeout\"," + G + ",service=\"api\"}", 5.0),
                    group(pg, G));
        }
    }

    @Test
    void pushgatewayDownFailsThenTheRestartedOneGetsTheFullTotals() {
        int port;
        String url;
        try (RealProgram pg = RealProgram.pushgateway(tmp)) {
            port = pg.port();
            url = pg.url();
        }
        try (Pusher pusher = pusher(url, "checkout", "host-1")) {
            PushOutcome down = pusher.pushOnce(Fixtures.counter("app_errors_total", 3));
            assertFalse(down.succeeded());
            assertEquals(new PushFailure(PushFailure.Kind.UNREACHABLE, 0,
                    "push to " + url + " failed: ConnectException: Connection refused"), down.lastFailure());
            assertFalse(pusher.pushOnce(Fixtures.counter("app_errors_total", 7)).succeeded());

            try (RealProgram restarted = RealProgram.pushgateway(tmp, port)) {
                PushOutcome up = pusher.pushOnce(Fixtures.counter("app_errors_total", 9));
                assertTrue(up.succeeded(), () -> String.valueOf(up.lastFailure()));
                assertNull(up.lastFailure());
                assertEquals(Map.of("app_errors_total{" + G + "}", 9.0), group(restarted, G));
            }
            assertEquals(2, listener.failures().size());
            assertEquals(1, listener.successes().size());
        }
    }

    @Test
    void aTypeClashWithAnotherGroupIsOneLineWithTheServersReason() {
        try (RealProgram pg = RealProgram.pushgateway(tmp);
             Pusher asGauge = pusher(pg.url(), "job-a", "host-1");
             Pusher asCounter = pusher(pg.url(), "job-b", "host-1")) {
            MetricSnapshot gauge = new MetricSnapshot(List.of(new MetricFamily("clash_total", MetricType.GAUGE, "Clash.",
                    List.of(), null, List.of(Series.gauge(List.of(), 1)))));
            assertTrue(asGauge.pushOnce(gauge).succeeded());
            MetricSnapshot counter = new MetricSnapshot(List.of(new MetricFamily("clash_total", MetricType.COUNTER,
                    "Clash.", List.of(), null, List.of(Series.counter(List.of(), 1)))));

            PushOutcome clash = asCounter.push(() -> counter, clock.instant().plusSeconds(60));

            assertFalse(clash.succeeded());
            assertEquals(1, clash.attempts(), "a 400 is not retried");
            assertEquals(List.of(), sleeper.sleeps());
            PushFailure failure = clash.lastFailure();
            assertEquals(PushFailure.Kind.REJECTED, failure.kind());
            assertEquals(400, failure.status());
            // The Pushgateway checks the groups in Go's map order, so it names either side of the clash.
            String prefix = "push to " + pg.url() + " rejected (400): pushed metrics are invalid or inconsistent with"
                    + " existing metrics: collected metric \"clash_total\" { label:<name:\"instance\" value:\"host-1\" >";
            assertTrue(List.of(
                    prefix + " label:<name:\"job\" value:\"job-b\" > counter:<value:1 > } is not a GAUGE",
                    prefix + " label:<name:\"job\" value:\"job-a\" > gauge:<value:1 > } is not a COUNTER")
                    .contains(failure.message()), failure.message());
            assertFalse(failure.message().contains("\n"));
            assertEquals(List.of(failure), listener.failures());
        }
    }
}
