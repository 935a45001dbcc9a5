package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.util.List;

/**
 * Writes the sample lines of one series, the part {@link TextFormat} and {@link OpenMetricsFormat} share:
 * {@code name{labels} value[ timestamp]}, and for histograms the cumulative {@code _bucket} lines
 * (including {@code le="+Inf"}), {@code _count} and {@code _sum}. Never {@code _created}.
 *
 * <p>Bucket bounds are formatted once per family ({@link #bounds}), not once per series.
 *
 * <pre>{@code
 * String[] le = Samples.bounds(family);
 * for (Series s : family.series()) {
 *     Samples.write(sb, family, "my_total", le, s, null);
 * }
 * }</pre>
 */
final class Samples {
    private Samples() {
    }

    /** The family's {@code le} values as text, {@code +Inf} last; empty for counters and gauges. */
    static String[] bounds(MetricFamily family) {
        if (family.type() != MetricType.HISTOGRAM) {
            return new String[0];
        }
        String[] le = new String[family.boundCount() + 1];
        for (int i = 0; i < family.boundCount(); i++) {
            le[i] = GoFloat.format(family.bound(i));
        }
        le[le.length - 1] = "+Inf";
        return le;
    }

    /**
     * Appends the lines of {@code series}: for counters and gauges one line named {@code sampleName};
     * for histograms the lines of {@code family.name()}. {@code timestamp} (already formatted) is
     * appended to every line when not null.
     */
    static void write(StringBuilder out, MetricFamily family, String sampleName, String[] le, Series series,
                      String timestamp) {
        List<String> names = family.labelNames();
        List<String> values = series.labelValues();
        if (values.size() != names.size()) {
            throw new IllegalArgumentException(family.name() + ": series " + values + " has " + values.size()
                    + " label values for " + names.size() + " label names " + names);
        }
        if (family.type() != MetricType.HISTOGRAM) {
            line(out, sampleName, names, values, null, null).append(' ');
            GoFloat.append(out, series.value());
            end(out, timestamp);
            return;
        }
        long[] counts = series.bucketCounts();
        if (counts == null || counts.length != le.length) {
            throw new IllegalArgumentException(family.name() + ": series " + values + " has "
                    + (counts == null ? "no" : counts.length) + " bucket counts for " + le.length + " buckets");
        }
        String name = family.name();
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            line(out, name + "_bucket", names, values, "le", le[i]).append(' ').append(cumulative);
            end(out, timestamp);
        }
        line(out, name + "_sum", names, values, null, null).append(' ');
        GoFloat.append(out, series.sumSeconds());
        end(out, timestamp);
        line(out, name + "_count", names, values, null, null).append(' ').append(cumulative);
        end(out, timestamp);
    }

    private static StringBuilder line(StringBuilder out, String name, List<String> names, List<String> values,
                                      String extraName, String extraValue) {
        out.append(name);
        if (names.isEmpty() && extraName == null) {
            return out;
        }
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(names.get(i)).append("=\"");
            Escape.labelValue(out, values.get(i));
            out.append('"');
        }
        if (extraName != null) {
            if (!names.isEmpty()) {
                out.append(',');
            }
            out.append(extraName).append("=\"").append(extraValue).append('"');
        }
        return out.append('}');
    }

    private static void end(StringBuilder out, String timestamp) {
        if (timestamp != null) {
            out.append(' ').append(timestamp);
        }
        out.append('\n');
    }
}
