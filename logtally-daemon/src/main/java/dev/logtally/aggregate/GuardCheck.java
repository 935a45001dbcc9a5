package dev.logtally.aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Says whether adding up per-file snapshots gives what one sequential reading gives, as far as the
 * cardinality guard goes ({@code labels.max.values} distinct values per label, further ones counted under
 * {@code other}). Each file's pipeline has its own guard, so the sum is sequential-equivalent exactly when
 * no file's guard folded anything ({@code logtally_series_dropped_total} all 0) and no label has more than
 * the limit of distinct values (not counting the literal {@code other}, which the guard never admits)
 * across all files: then a sequential guard, too, admits every value it meets.
 *
 * <pre>{@code
 * if (!GuardCheck.sumIsSequential(perFile, merged, limit)) { ...read again on one thread... }
 * }</pre>
 */
public final class GuardCheck {
    private GuardCheck() {
    }

    /**
     * @param parts  each file's snapshot (with its {@code logtally_series_dropped_total})
     * @param merged their {@link SnapshotSum}
     * @param limit  distinct values admitted per label
     */
    public static boolean sumIsSequential(List<MetricSnapshot> parts, MetricSnapshot merged, int limit) {
        for (MetricSnapshot part : parts) {
            MetricFamily dropped = part.family(SelfMetrics.SERIES_DROPPED).orElse(null);
            if (dropped != null && dropped.series().stream().anyMatch(s -> s.value() != 0)) {
                return false;
            }
        }
        for (MetricFamily f : merged.families()) {
            if (SelfMetrics.FAMILY_NAMES.contains(f.name())) {
                continue;
            }
            for (int label = 0; label < f.labelNames().size(); label++) {
                Set<String> values = new HashSet<>();
                for (Series s : f.series()) {
                    String v = s.labelValues().get(label);
                    if (!v.equals(LabelGuard.OTHER)) {
                        values.add(v);
                    }
                }
                if (values.size() > limit) {
                    return false;
                }
            }
        }
        return true;
    }
}
