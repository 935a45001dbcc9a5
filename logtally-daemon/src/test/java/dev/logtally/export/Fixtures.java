package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Snapshots and golden files shared by the export tests. */
final class Fixtures {
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private Fixtures() {
    }

    /**
     * Every kind of value the exporters meet: labelled counters (one label value needing escapes),
     * histograms with two series, gauges with special values, a family without series, a large counter.
     */
    static MetricSnapshot snapshot() {
        return new MetricSnapshot(List.of(
                new MetricFamily("app_errors_total", MetricType.COUNTER,
                        "Errors by type.\nCounted from ERROR events; path C:\\logs.", List.of("error_type", "service"), null,
                        List.of(Series.counter(List.of("connection_timeout", "api"), 3),
                                Series.counter(List.of("quote\"back\\slash\nnewline", "api"), 1))),
                new MetricFamily("app_queue_depth", MetricType.GAUGE, "Queue depth.", List.of(), null,
                        List.of(Series.gauge(List.of(), 17.5))),
                new MetricFamily("app_ratio", MetricType.GAUGE, null, List.of("kind"), null,
                        List.of(Series.gauge(List.of("big"), 2e6),
                                Series.gauge(List.of("inf"), Double.POSITIVE_INFINITY),
                                Series.gauge(List.of("nan"), Double.NaN),
                                Series.gauge(List.of("negative"), -0.25),
                                Series.gauge(List.of("tiny"), 1e-5))),
                new MetricFamily("app_request_duration_seconds", MetricType.HISTOGRAM, "Request latency.",
                        List.of("method"), BOUNDS,
                        List.of(Series.histogram(List.of("GET /orders"),
                                        new long[] {1, 0, 2, 0, 0, 3, 0, 0, 0, 0, 0, 1}, 12_612_345_678L),
                                Series.histogram(List.of("POST /orders"),
                                        new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0))),
                new MetricFamily("app_unused", MetricType.GAUGE, "No series yet.", List.of(), null, List.of()),
                new MetricFamily("logtally_lines_total", MetricType.COUNTER, "Lines read.", List.of(), null,
                        List.of(Series.counter(List.of(), 1_234_567)))));
    }

    /** A one-counter snapshot. */
    static MetricSnapshot counter(String name, double value) {
        return new MetricSnapshot(List.of(new MetricFamily(name, MetricType.COUNTER, "A counter.", List.of(), null,
                List.of(Series.counter(List.of(), value)))));
    }

    /** A test resource under {@code export/} as text. */
    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/export/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test resource export/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
