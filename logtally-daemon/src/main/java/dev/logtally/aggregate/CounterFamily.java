package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A counter family of fixed name and labels whose series are {@link Counter}s looked up once (at start-up)
 * and then incremented directly. Series restored from a checkpoint that this version does not know (e.g. a
 * parse-error reason of a newer version) are kept and exported, so no count is ever lost.
 */
final class CounterFamily {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final TreeMap<List<String>, Counter> series;

    CounterFamily(String name, String help, List<String> labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = List.copyOf(labelNames);
        this.series = new TreeMap<>(Snapshots::compareLabels);
    }

    String name() {
        return name;
    }

    /** The counter of the series with these label values, created at 0 if new. */
    Counter counter(List<String> labelValues) {
        if (labelValues.size() != labelNames.size()) {
            throw new IllegalArgumentException(name + " has labels " + labelNames + ", not " + labelValues);
        }
        return series.computeIfAbsent(List.copyOf(labelValues), k -> new Counter());
    }

    MetricFamily family() {
        List<Series> out = new ArrayList<>(series.size());
        series.forEach((labels, c) -> out.add(Series.counter(labels, c.get())));
        return new MetricFamily(name, MetricType.COUNTER, help, labelNames, null, out);
    }

    void restore(MetricFamily f, String where) {
        Restoring.requireShape(f, MetricType.COUNTER, labelNames, where);
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (Series s : f.series()) {
            if (!seen.add(s.labelValues())) {
                throw Restoring.duplicate(f, s, where);
            }
            counter(s.labelValues()).set(Restoring.count(s.value(), f, s, where));
        }
    }
}
