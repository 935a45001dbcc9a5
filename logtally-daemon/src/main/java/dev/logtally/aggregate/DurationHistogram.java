package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code NS_request_duration_seconds{method}}: observes {@code duration_ms / 1000} of every event with a
 * {@code method} and a valid duration. A value falls in the first bucket whose bound it does not exceed
 * ({@code le} semantics: value ≤ bound), else in {@code +Inf}. The sum is kept in integer nanoseconds,
 * each observation rounded to the nearest nanosecond ({@code Math.round(duration_ms * 1e6)}), so sums are
 * exact and independent of the order of events; it saturates at {@link Long#MAX_VALUE} (about 292 years
 * of summed durations) instead of wrapping, so it never decreases. The configured {@link ExtraLabels}
 * follow {@code method}.
 */
final class DurationHistogram {
    static final String HELP = "Duration of timed events (duration_ms / 1000), by method.";
    static final List<String> LABELS = List.of("method");

    private final String name;
    private final double[] bounds;
    private final LabelGuard methods;
    private final ExtraLabels extra;
    private final List<String> labelNames;
    /** Per series (a method's id when no extra label is configured). */
    private long[][] buckets = new long[8][];
    private long[] sums = new long[8];

    DurationHistogram(AggregatorOptions options, SelfMetrics self) {
        name = options.durationName();
        bounds = options.buckets();
        methods = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(name, LABELS.get(0)));
        extra = new ExtraLabels(options, self, name);
        labelNames = ErrorCounter.concat(LABELS, extra.names());
    }

    void apply(Event e) {
        String method = e.method();
        double ms = e.durationMs();
        // The parser gives NaN for an invalid duration; this also refuses negative and infinite ones.
        if (method == null || !(ms >= 0 && ms <= Double.MAX_VALUE)) {
            return;
        }
        int id = extra.series(methods.id(method), e.labels());
        long[] b = id < buckets.length ? buckets[id] : null;
        if (b == null) {
            b = create(id);
        }
        b[bucketOf(ms / 1000.0)]++;
        sums[id] = plusSaturating(sums[id], Math.round(ms * 1e6));
    }

    /**
     * The histogram sum rule, for the aggregator and for adding snapshots up ({@link SnapshotSum}): exact
     * integer nanoseconds that stop at {@link Long#MAX_VALUE} instead of wrapping to a negative sum.
     */
    static long plusSaturating(long sumNanos, long addNanos) {
        long sum = sumNanos + addNanos;
        return sum < sumNanos ? Long.MAX_VALUE : sum;
    }

    /** Index of the first bound ≥ {@code v}; {@code bounds.length} (the +Inf bucket) when none. */
    private int bucketOf(double v) {
        int lo = 0;
        int hi = bounds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= bounds[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private long[] create(int id) {
        if (id >= buckets.length) {
            int n = Math.max(buckets.length * 2, id + 1);
            buckets = Arrays.copyOf(buckets, n);
            sums = Arrays.copyOf(sums, n);
        }
        return buckets[id] = new long[bounds.length + 1];
    }

    /** The family, or null when nothing was observed yet. */
    MetricFamily family() {
        List<Series> series = new ArrayList<>();
        for (int id = 0; id < buckets.length; id++) {
            if (buckets[id] != null) {
                series.add(Series.histogram(ErrorCounter.concat(List.of(methods.value(extra.base(id))), extra.values(id)),
                        buckets[id], sums[id]));
            }
        }
        if (series.isEmpty()) {
            return null;
        }
        series.sort(Snapshots.BY_LABELS);
        return new MetricFamily(name, MetricType.HISTOGRAM, HELP, labelNames, bounds, series);
    }

    void restore(MetricFamily f, String where) {
        Restoring.requireShape(f, MetricType.HISTOGRAM, labelNames, where);
        if (!Arrays.equals(f.bucketBounds(), bounds)) {
            throw new dev.logtally.base.ConfigException("buckets", where + " was written with other buckets "
                    + Arrays.toString(f.bucketBounds()) + " than the configured " + Arrays.toString(bounds)
                    + "; keep the old buckets or start with a new state dir");
        }
        for (Series s : f.series()) {
            long[] counts = s.bucketCounts();
            if (counts == null || counts.length != bounds.length + 1) {
                throw Restoring.invalid(f, s, "bucket list", where);
            }
            for (long c : counts) {
                if (c < 0) {
                    throw Restoring.invalid(f, s, "bucket count " + c, where);
                }
            }
            if (s.sumNanos() < 0) {
                throw Restoring.invalid(f, s, "sum " + s.sumNanos(), where);
            }
            int id = extra.restore(methods.restore(s.labelValues().get(0)), s.labelValues().subList(1, labelNames.size()));
            if (id < buckets.length && buckets[id] != null) {
                throw Restoring.duplicate(f, s, where);
            }
            System.arraycopy(counts, 0, create(id), 0, counts.length);
            sums[id] = s.sumNanos();
        }
    }
}
