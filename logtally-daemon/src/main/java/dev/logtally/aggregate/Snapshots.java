package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers for {@link MetricSnapshot}s: the one order every family and series is kept in (so renderings
 * are byte-stable), and combining the parts of one exposition, e.g. the aggregator's metrics with the
 * tailer's own.
 *
 * <pre>{@code
 * MetricSnapshot checkpointed = Snapshots.combine(aggregator.snapshot(), selfMetrics.checkpointed());
 * MetricSnapshot served = Snapshots.combine(checkpointed, selfMetrics.live());
 * }</pre>
 */
public final class Snapshots {
    /** Series order: label values compared one by one ({@link String#compareTo}), shorter lists first. */
    public static final Comparator<Series> BY_LABELS = (a, b) -> compareLabels(a.labelValues(), b.labelValues());

    /** Family order: by name. */
    public static final Comparator<MetricFamily> BY_NAME = Comparator.comparing(MetricFamily::name);

    private Snapshots() {
    }

    /**
     * One snapshot holding the families of all {@code parts}, sorted by name.
     *
     * @throws IllegalArgumentException when two parts hold a family of the same name
     */
    public static MetricSnapshot combine(MetricSnapshot... parts) {
        List<MetricFamily> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MetricSnapshot part : parts) {
            for (MetricFamily f : part.families()) {
                if (!names.add(f.name())) {
                    throw new IllegalArgumentException("two snapshots hold the metric " + f.name());
                }
                all.add(f);
            }
        }
        all.sort(BY_NAME);
        return new MetricSnapshot(all);
    }

    /** A snapshot of {@code families}, sorted by name. */
    static MetricSnapshot sorted(List<MetricFamily> families) {
        List<MetricFamily> all = new ArrayList<>(families);
        all.sort(BY_NAME);
        return new MetricSnapshot(all);
    }

    static int compareLabels(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
