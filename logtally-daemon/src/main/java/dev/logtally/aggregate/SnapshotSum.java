package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the snapshots of several parts of one reading — one per file, in the files' order — into the
 * snapshot one reader would have made going through the parts one after the other:
 * counters and histogram buckets add; histogram sums add exactly (integer nanoseconds, saturating like the
 * aggregator's); a gauge takes the value with the newest event time, the later part's on a tie (as the
 * aggregator decides within one reading). Families and series come out in
 * {@link Snapshots}' order, so renderings are byte-stable.
 *
 * <p>This is exact only while no part's cardinality guard folded a value into {@code other} and the parts
 * together stay within the limit; {@link GuardCheck} tells, and replay reads sequentially when not. The
 * rules themselves are the aggregator's ({@link GaugeSet#replaces}, {@link DurationHistogram#plusSaturating}):
 * summing parts cannot decide differently from reading them in one go.
 *
 * <pre>{@code
 * MetricSnapshot total = SnapshotSum.of(List.of(firstFile, secondFile));
 * }</pre>
 */
public final class SnapshotSum {
    private SnapshotSum() {
    }

    /**
     * The sum of {@code parts}, in order.
     *
     * @throws IllegalArgumentException when two parts give one family different types, labels or buckets
     */
    public static MetricSnapshot of(List<MetricSnapshot> parts) {
        Map<String, FamilySum> families = new HashMap<>();
        for (MetricSnapshot part : parts) {
            for (MetricFamily f : part.families()) {
                families.computeIfAbsent(f.name(), k -> new FamilySum(f)).add(f);
            }
        }
        List<MetricFamily> out = new ArrayList<>(families.size());
        families.values().forEach(s -> out.add(s.family()));
        out.sort(Snapshots.BY_NAME);
        return new MetricSnapshot(out);
    }

    /** One family's series, summed. */
    private static final class FamilySum {
        private final MetricFamily layout;
        private final Map<List<String>, Series> series = new HashMap<>();

        FamilySum(MetricFamily layout) {
            this.layout = layout;
        }

        void add(MetricFamily f) {
            if (f.type() != layout.type() || !f.labelNames().equals(layout.labelNames())
                    || !Arrays.equals(f.bucketBounds(), layout.bucketBounds())) {
                throw new IllegalArgumentException(f.name() + " has another type, labels or buckets in one part of the reading");
            }
            for (Series s : f.series()) {
                series.merge(s.labelValues(), s, this::plus);
            }
        }

        private Series plus(Series earlier, Series later) {
            return switch (layout.type()) {
                case COUNTER -> Series.counter(earlier.labelValues(), earlier.value() + later.value());
                case GAUGE -> GaugeSet.replaces(later.timeMillis(), earlier.timeMillis()) ? later : earlier;
                case HISTOGRAM -> {
                    long[] buckets = earlier.bucketCounts();
                    for (int i = 0; i < buckets.length; i++) {
                        buckets[i] += later.bucket(i);
                    }
                    yield Series.histogram(earlier.labelValues(), buckets,
                            DurationHistogram.plusSaturating(earlier.sumNanos(), later.sumNanos()));
                }
            };
        }

        MetricFamily family() {
            List<Series> sorted = new ArrayList<>(series.values());
            sorted.sort(Snapshots.BY_LABELS);
            return new MetricFamily(layout.name(), layout.type(), layout.help(), layout.labelNames(),
                    layout.type() == MetricType.HISTOGRAM ? layout.bucketBounds() : null, sorted);
        }
    }
}
