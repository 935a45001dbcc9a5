package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.time.Instant;
import java.util.List;

/** Three points of a replay, one minute apart (the last one a quarter second later), in 2024. */
final class OpenMetricsFixtures {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2024-01-01T00:01:00Z");
    static final Instant T2 = Instant.parse("2024-01-01T00:02:00.250Z");
    private static final double[] BOUNDS = {0.1, 1};

    private OpenMetricsFixtures() {
    }

    static List<TimedSnapshot> points() {
        return List.of(
                new TimedSnapshot(T0, snapshot(
                        List.of(Series.counter(List.of("timeout"), 1)),
                        List.of(Series.histogram(List.of("GET"), new long[] {1, 0, 0}, 50_000_000L)),
                        2, 10)),
                new TimedSnapshot(T1, snapshot(
                        List.of(Series.counter(List.of("db \"primary\""), 1), Series.counter(List.of("timeout"), 3)),
                        List.of(Series.histogram(List.of("GET"), new long[] {1, 1, 0}, 550_000_000L)),
                        5, 12)),
                new TimedSnapshot(T2, snapshot(
                        List.of(Series.counter(List.of("db \"primary\""), 2), Series.counter(List.of("timeout"), 3)),
                        List.of(Series.histogram(List.of("GET"), new long[] {1, 1, 1}, 3_050_000_000L),
                                Series.histogram(List.of("POST"), new long[] {0, 0, 1}, 2_000_000_000L)),
                        0.5, 13)));
    }

    private static MetricSnapshot snapshot(List<Series> errors, List<Series> durations, double depth, double legacy) {
        return new MetricSnapshot(List.of(
                new MetricFamily("app_errors_total", MetricType.COUNTER, "Errors by \"type\".", List.of("error_type"), null, errors),
                new MetricFamily("app_legacy_count", MetricType.COUNTER, "A counter named without _total.", List.of(), null,
                        List.of(Series.counter(List.of(), legacy))),
                new MetricFamily("app_queue_depth", MetricType.GAUGE, "Queue depth.", List.of(), null,
                        List.of(Series.gauge(List.of(), depth))),
                new MetricFamily("app_request_duration_seconds", MetricType.HISTOGRAM, "Request latency.", List.of("method"),
                        BOUNDS, durations)));
    }
}
