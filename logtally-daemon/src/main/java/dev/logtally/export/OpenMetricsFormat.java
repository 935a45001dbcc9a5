package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders a time series of snapshots in the OpenMetrics text format with a timestamp on every sample,
 * for backfilling Prometheus with {@code promtool tsdb create-blocks-from openmetrics}.
 *
 * <p>What promtool needs, and what this gives: timestamps in <b>seconds</b> (milliseconds as a decimal
 * fraction, e.g. {@code 1704067200.25}); each series' samples together and in increasing time order
 * (promtool silently drops an out-of-order sample); {@code # EOF} at the end. Per family: {@code # TYPE},
 * {@code # HELP}, then for each series (sorted by label values, the union over all points) its samples at
 * every point that has it, oldest first; a histogram's buckets, {@code _sum} and {@code _count} of one
 * instant stay together.
 *
 * <p>Names follow OpenMetrics: a counter {@code x_total} is the family {@code x} with samples
 * {@code x_total}, so the stored series is {@code x_total} exactly as pushed. A counter whose name does
 * not end in {@code _total} is written as type {@code unknown} so that its series keeps its name (an
 * OpenMetrics counter would be renamed to {@code name_total}). Numbers as in {@link TextFormat}
 * ({@link GoFloat}). No {@code _created} samples.
 *
 * <pre>{@code
 * String om = OpenMetricsFormat.render(List.of(
 *         new TimedSnapshot(Instant.parse("2024-01-01T00:00:00Z"), first),
 *         new TimedSnapshot(Instant.parse("2024-01-01T00:01:00Z"), second)));
 * // # TYPE app_errors counter
 * // app_errors_total{error_type="timeout"} 3 1704067200
 * // app_errors_total{error_type="timeout"} 5 1704067260
 * // # EOF
 * }</pre>
 */
public final class OpenMetricsFormat {
    /** The {@code Content-Type} of this format. */
    public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static final Comparator<List<String>> BY_LABEL_VALUES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private OpenMetricsFormat() {
    }

    /**
     * The points as OpenMetrics text ending in {@code # EOF}.
     *
     * @throws IllegalArgumentException when the points are not in strictly increasing time order, or a
     *                                  family changes its type, labels or buckets between points
     */
    public static String render(List<TimedSnapshot> points) {
        checkOrder(points);
        Map<String, MetricFamily> layouts = new TreeMap<>();
        List<Map<String, MetricFamily>> byName = new ArrayList<>(points.size());
        for (TimedSnapshot point : points) {
            Map<String, MetricFamily> families = new HashMap<>();
            for (MetricFamily family : point.snapshot().families()) {
                MetricFamily first = layouts.putIfAbsent(family.name(), family);
                if (first != null) {
                    checkSameLayout(first, family, point);
                }
                families.put(family.name(), family);
            }
            byName.add(families);
        }
        StringBuilder out = new StringBuilder(8192);
        String[] timestamps = points.stream().map(p -> seconds(p.time().toEpochMilli())).toArray(String[]::new);
        for (MetricFamily layout : layouts.values()) {
            appendFamily(out, layout, byName, timestamps);
        }
        return out.append("# EOF\n").toString();
    }

    /** Writes {@link #render(List)} to {@code out}. */
    public static void write(List<TimedSnapshot> points, Appendable out) throws IOException {
        out.append(render(points));
    }

    private static void appendFamily(StringBuilder out, MetricFamily layout, List<Map<String, MetricFamily>> byName,
                                     String[] timestamps) {
        String name = layout.name();
        // One map per point from label values to series; the union of keys, sorted, gives the series order.
        List<Map<List<String>, Series>> seriesAt = new ArrayList<>(byName.size());
        TreeMap<List<String>, Boolean> all = new TreeMap<>(BY_LABEL_VALUES);
        for (Map<String, MetricFamily> families : byName) {
            MetricFamily family = families.get(name);
            Map<List<String>, Series> series = new HashMap<>();
            if (family != null) {
                for (Series s : family.series()) {
                    series.put(s.labelValues(), s);
                    all.put(s.labelValues(), Boolean.TRUE);
                }
            }
            seriesAt.add(series);
        }
        if (all.isEmpty()) {
            return;
        }
        boolean total = layout.type() == MetricType.COUNTER && name.endsWith("_total");
        String familyName = total ? name.substring(0, name.length() - "_total".length()) : name;
        String type = layout.type() == MetricType.COUNTER && !total ? "unknown" : layout.type().text();
        out.append("# TYPE ").append(familyName).append(' ').append(type).append('\n');
        if (layout.help() != null && !layout.help().isEmpty()) {
            out.append("# HELP ").append(familyName).append(' ');
            Escape.help(out, layout.help(), true);
            out.append('\n');
        }
        String[] le = Samples.bounds(layout);
        for (List<String> labels : all.keySet()) {
            for (int i = 0; i < timestamps.length; i++) {
                Series s = seriesAt.get(i).get(labels);
                if (s != null) {
                    Samples.write(out, layout, name, le, s, timestamps[i]);
                }
            }
        }
    }

    /** Epoch milliseconds as seconds: {@code 1704067200}, {@code 1704067200.25}. */
    static String seconds(long epochMillis) {
        if (epochMillis < 0) {
            return "-" + seconds(-epochMillis);
        }
        long secs = epochMillis / 1000;
        int millis = (int) (epochMillis % 1000);
        if (millis == 0) {
            return Long.toString(secs);
        }
        String frac = Integer.toString(1000 + millis).substring(1);
        int end = frac.length();
        while (frac.charAt(end - 1) == '0') {
            end--;
        }
        return secs + "." + frac.substring(0, end);
    }

    private static void checkOrder(List<TimedSnapshot> points) {
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).time().toEpochMilli() <= points.get(i - 1).time().toEpochMilli()) {
                throw new IllegalArgumentException("points must be in increasing time order (to the millisecond): point "
                        + i + " at " + points.get(i).time() + " is not after point " + (i - 1) + " at "
                        + points.get(i - 1).time());
            }
        }
    }

    private static void checkSameLayout(MetricFamily first, MetricFamily later, TimedSnapshot point) {
        if (first.type() != later.type() || !first.labelNames().equals(later.labelNames())
                || !Arrays.equals(first.bucketBounds(), later.bucketBounds()) || !Objects.equals(first.help(), later.help())) {
            throw new IllegalArgumentException(first.name() + " changes its type, labels, buckets or help at "
                    + point.time() + ": a series of snapshots must keep each family's layout");
        }
    }
}
