package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The configured gauges {@code NS_<field>}: the value with the newest event time wins (among events of
 * equal time, or without one, the last read). Read order alone would not do: after a restart the tailer
 * may finish an older rotated file after newer lines, and a replay reads files in parallel. A gauge never
 * seen is not exported (there is no value to report, and 0 would be a lie).
 */
final class GaugeSet {
    private final String[] names;
    private final String[] helps;
    private final double[] values;
    private final long[] times;

    GaugeSet(AggregatorOptions options) {
        int n = options.gauges().size();
        names = new String[n];
        helps = new String[n];
        values = new double[n];
        times = new long[n];
        Arrays.fill(values, Double.NaN);
        Arrays.fill(times, Series.NO_TIME);
        for (int i = 0; i < n; i++) {
            names[i] = options.gaugeName(i);
            helps[i] = "Last value of the log field " + options.gauges().get(i) + ".";
        }
    }

    void apply(Event e) {
        double[] g = e.gauges();
        if (g == null) {
            return;
        }
        int n = Math.min(g.length, values.length);
        long t = e.timestampMillis(); // Event.NO_TIME == Series.NO_TIME; an event without a time wins by read order
        for (int i = 0; i < n; i++) {
            double v = g[i];
            if (v == v && replaces(t, times[i])) { // present (not NaN), and not older
                values[i] = v;
                if (t != Series.NO_TIME) {
                    times[i] = t;
                }
            }
        }
    }

    /**
     * The gauge rule, for the aggregator and for adding snapshots up ({@link SnapshotSum}): a value of event
     * time {@code candidate} replaces the one of time {@code current} unless it is older; among equal times,
     * or without a time ({@link Series#NO_TIME}), the later read wins.
     */
    static boolean replaces(long candidate, long current) {
        return candidate == Series.NO_TIME || candidate >= current;
    }

    /** One family per gauge seen so far. */
    List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.add(new MetricFamily(names[i], MetricType.GAUGE, helps[i], List.of(), null,
                        List.of(Series.gauge(List.of(), values[i], times[i]))));
            }
        }
        return out;
    }

    /** Restores {@code f} if it is one of the configured gauges; ignores it when it is not. */
    void restore(MetricFamily f, String where) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(f.name())) {
                Series s = Restoring.onlySeries(f, MetricType.GAUGE, where);
                if (!Double.isFinite(s.value())) {
                    throw Restoring.invalid(f, s, "value " + s.value(), where);
                }
                values[i] = s.value();
                times[i] = s.timeMillis();
                return;
            }
        }
    }
}
