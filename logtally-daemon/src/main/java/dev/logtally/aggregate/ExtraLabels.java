package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extra labels ({@code labels.extra}) of one metric: log fields whose values label its series besides
 * the metric's own labels. Each extra label has its own {@link LabelGuard} (so {@code other} and
 * {@code logtally_series_dropped_total{metric,label}} work as for every label). A series is found from its
 * base series (the metric's own labels, as the metric keys them) by one step per extra label, each step a
 * lookup of (node, value id) in a {@link LongIndexMap}: nothing is allocated once the series exists.
 *
 * <p>With no extra label configured the loop of {@link #series} runs zero times and a series is its base
 * series, so the metric's series, their order and their exposition stay exactly what they were.
 * A missing field counts as the empty value (Prometheus: label absent).
 *
 * <pre>{@code
 * ExtraLabels extra = new ExtraLabels(options, self, options.errorsName());
 * int series = extra.series(baseIndex, event.labels());   // baseIndex itself when none is configured
 * List<String> values = extra.values(series);              // the extra labels' values of that series
 * }</pre>
 */
final class ExtraLabels {
    private final List<String> names;
    private final LabelGuard[] guards;
    /** Per extra label: (parent node << 32 | value id) → node; the last level's nodes are the series. */
    private final LongIndexMap[] steps;
    /** Per series (a last-level node): its base series and the value ids of its extra labels. */
    private int[] bases = new int[16];
    private int[][] ids = new int[16][];
    /** The value ids of the walk under way, copied for a new series. */
    private final int[] walk;

    ExtraLabels(AggregatorOptions options, SelfMetrics self, String metric) {
        names = options.extraLabels();
        guards = new LabelGuard[names.size()];
        steps = new LongIndexMap[names.size()];
        walk = new int[names.size()];
        for (int k = 0; k < guards.length; k++) {
            guards[k] = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(metric, names.get(k)));
            steps[k] = new LongIndexMap();
        }
    }

    /** The extra labels' names, in configuration order. */
    List<String> names() {
        return names;
    }

    /**
     * The series of an event in base series {@code base} with these extra label values ({@code Event.labels()},
     * null when none is configured): {@code base} when none is configured.
     */
    int series(int base, String[] values) {
        int node = base;
        for (int k = 0; k < guards.length; k++) {
            String v = values[k];
            node = step(k, node, guards[k].id(v == null ? "" : v), base);
        }
        return node;
    }

    /** As {@link #series}, for a restored series' extra label values (admitted past the limit). */
    int restore(int base, List<String> values) {
        int node = base;
        for (int k = 0; k < guards.length; k++) {
            node = step(k, node, guards[k].restore(values.get(k)), base);
        }
        return node;
    }

    private int step(int k, int node, int id, int base) {
        walk[k] = id;
        long key = ((long) node << 32) | id;
        int next = steps[k].get(key);
        if (next < 0) {
            next = steps[k].add(key);
            if (k == guards.length - 1) {
                record(next, base);
            }
        }
        return next;
    }

    /** Notes a new series' base and value ids (the steps cannot be walked back). */
    private void record(int series, int base) {
        if (series == bases.length) {
            bases = Arrays.copyOf(bases, series * 2);
            ids = Arrays.copyOf(ids, series * 2);
        }
        bases[series] = base;
        ids[series] = walk.clone();
    }

    /** How many series there are, given {@code baseCount} base series. */
    int count(int baseCount) {
        return guards.length == 0 ? baseCount : steps[guards.length - 1].size();
    }

    /** The base series of {@code series}. */
    int base(int series) {
        return guards.length == 0 ? series : bases[series];
    }

    /** The extra labels' values of {@code series}, in configuration order. */
    List<String> values(int series) {
        if (guards.length == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(guards.length);
        for (int k = 0; k < guards.length; k++) {
            out.add(guards[k].value(ids[series][k]));
        }
        return out;
    }
}
