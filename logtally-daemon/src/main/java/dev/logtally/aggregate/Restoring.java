package dev.logtally.aggregate;

import dev.logtally.base.ConfigException;
import java.util.List;

/**
 * Checks shared by every restore: a family of the expected shape, counts that are whole non-negative
 * numbers. A mismatch is a {@link ConfigException} on {@code state.dir} that names where the state came
 * from, because only the user can choose between keeping the old settings and starting over.
 */
final class Restoring {
    /** Largest count a double holds exactly (2^53). */
    static final double MAX_EXACT = 9007199254740992.0;

    private Restoring() {
    }

    static void requireShape(MetricFamily f, MetricType type, List<String> labelNames, String where) {
        if (f.type() != type || !f.labelNames().equals(labelNames)) {
            throw new ConfigException("state.dir", where + " holds " + f.name() + " as a " + f.type().text()
                    + " with labels " + f.labelNames() + ", but this logtally counts it as a " + type.text()
                    + " with labels " + labelNames + "; start with a new state dir");
        }
    }

    /** The one series of an unlabelled family of {@code type}. */
    static Series onlySeries(MetricFamily f, MetricType type, String where) {
        requireShape(f, type, List.of(), where);
        if (f.series().size() != 1) {
            throw invalid(f.name(), "number of series (" + f.series().size() + ")", where);
        }
        return f.series().get(0);
    }

    static long count(double v, MetricFamily f, Series s, String where) {
        if (!(v >= 0 && v <= MAX_EXACT) || v != Math.rint(v)) {
            throw invalid(f, s, "count " + v, where);
        }
        return (long) v;
    }

    static ConfigException invalid(MetricFamily f, Series s, String what, String where) {
        return invalid(f.name() + s.labelValues(), what, where);
    }

    static ConfigException invalid(String series, String what, String where) {
        return new ConfigException("state.dir", where + " holds an invalid " + what + " in " + series
                + "; move the state away to start over, which resets all counters");
    }

    static ConfigException duplicate(MetricFamily f, Series s, String where) {
        return invalid(f, s, "duplicate series", where);
    }
}
