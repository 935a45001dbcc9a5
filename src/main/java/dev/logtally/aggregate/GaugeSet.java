package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The configured gauges {@code NS_<field>}: the last value seen of each gauge field wins. A gauge never
 * seen is not exported (there is no value to report, and 0 would be a lie).
 */
final class GaugeSet {
    private final String[] names;
    private final String[] helps;
    private final double[] values;

    GaugeSet(AggregatorOptions options) {
        int n = options.gauges().size();
        names = new String[n];
        helps = new String[n];
        values = new double[n];
        Arrays.fill(values, Double.NaN);
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
        for (int i = 0; i < n; i++) {
            double v = g[i];
            if (v == v) { // not NaN: the field was present in this event
                values[i] = v;
            }
        }
    }

    /** One family per gauge seen so far. */
    List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.add(new MetricFamily(names[i], MetricType.GAUGE, helps[i], List.of(), null,
                        List.of(Series.gauge(List.of(), values[i]))));
            }
        }
        return out;
    }

    /** Restores {@code f} if it is one of the configured gauges; returns false when it is not. */
    boolean restore(MetricFamily f, String where) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(f.name())) {
                Restoring.requireShape(f, MetricType.GAUGE, List.of(), where);
                if (f.series().size() != 1) {
                    throw Restoring.invalid(f.name(), "number of series (" + f.series().size() + ")", where);
                }
                Series s = f.series().get(0);
                if (!Double.isFinite(s.value())) {
                    throw Restoring.invalid(f, s, "value " + s.value(), where);
                }
                values[i] = s.value();
                return true;
            }
        }
        return false;
    }
}
