package dev.logtally.aggregate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A metric and all its series, as a value: what the aggregate stage hands to the exporters and to the
 * checkpoint. Series are kept sorted by label values so that every rendering is byte-stable.
 *
 * @param name         full metric name, e.g. {@code loka_stratum_errors_total}
 * @param type         counter, gauge or histogram
 * @param help         the {@code # HELP} text
 * @param labelNames   label names, in order
 * @param bucketBounds histogram only: upper bounds, ascending, without {@code +Inf}; null otherwise
 * @param series       the series, sorted by label values
 */
public record MetricFamily(String name, MetricType type, String help, List<String> labelNames,
                           double[] bucketBounds, List<Series> series) {

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        labelNames = List.copyOf(labelNames);
        bucketBounds = bucketBounds == null ? null : bucketBounds.clone();
        series = List.copyOf(series);
    }

    @Override
    public double[] bucketBounds() {
        return bucketBounds == null ? null : bucketBounds.clone();
    }

    /** Number of bounds (histograms), without copying. */
    public int boundCount() {
        return bucketBounds == null ? 0 : bucketBounds.length;
    }

    /** Bound {@code i} (histograms), without copying. */
    public double bound(int i) {
        return bucketBounds[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricFamily f
                && name.equals(f.name) && type == f.type && Objects.equals(help, f.help)
                && labelNames.equals(f.labelNames) && Arrays.equals(bucketBounds, f.bucketBounds)
                && series.equals(f.series);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, help, labelNames, Arrays.hashCode(bucketBounds), series);
    }
}
