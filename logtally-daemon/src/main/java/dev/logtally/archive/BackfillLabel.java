package dev.logtally.archive;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.Series;
import dev.logtally.export.TimedSnapshot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label every backfilled series carries: {@value #NAME}{@code ="}{@value #VALUE}{@code "}. Live series
 * come through the Pushgateway with {@code job} and {@code instance} and never carry it, so a backfill can
 * never write into a live series (nor a live scrape into a backfilled one), and queries pick either side:
 * {@code loka_stratum_errors_total{source="backfill"}}.
 *
 * <pre>{@code
 * List<TimedSnapshot> labelled = BackfillLabel.onAll(points);
 * }</pre>
 */
public final class BackfillLabel {
    /** The label's name. */
    public static final String NAME = "source";
    /** The label's value. */
    public static final String VALUE = "backfill";

    private BackfillLabel() {
    }

    /** {@code snapshot} with the label added to every series of every family. */
    public static MetricSnapshot on(MetricSnapshot snapshot) {
        List<MetricFamily> out = new ArrayList<>(snapshot.families().size());
        for (MetricFamily f : snapshot.families()) {
            List<String> names = new ArrayList<>(f.labelNames());
            names.add(NAME);
            List<Series> series = new ArrayList<>(f.series().size());
            for (Series s : f.series()) {
                List<String> values = new ArrayList<>(s.labelValues());
                values.add(VALUE);
                series.add(new Series(values, s.value(), s.bucketCounts(), s.sumNanos(), s.timeMillis()));
            }
            out.add(new MetricFamily(f.name(), f.type(), f.help(), names, f.bucketBounds(), series));
        }
        return new MetricSnapshot(out);
    }

    /** Every point labelled; points sharing one snapshot still share one labelled snapshot. */
    public static List<TimedSnapshot> onAll(List<TimedSnapshot> points) {
        Map<MetricSnapshot, MetricSnapshot> done = new IdentityHashMap<>();
        List<TimedSnapshot> out = new ArrayList<>(points.size());
        for (TimedSnapshot p : points) {
            out.add(new TimedSnapshot(p.time(), done.computeIfAbsent(p.snapshot(), BackfillLabel::on)));
        }
        return out;
    }
}
