package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.Series;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A simpleclient {@link Collector} over a snapshot supplier: what {@code PushGateway.push} needs to
 * send logtally's own {@link MetricSnapshot} values. Each {@link #collect()} takes one snapshot from the
 * supplier, so one push carries values of one instant.
 *
 * <p>Mapping: a counter {@code x_total} becomes the family {@code x} with samples {@code x_total}
 * (simpleclient's writer appends {@code _total} to a counter's {@code # TYPE} line); a counter not named
 * {@code *_total} is sent untyped so that its name stays as it is. Histograms become cumulative
 * {@code _bucket} samples with {@code le} written by {@link GoFloat} (as the Pushgateway re-renders them),
 * {@code _count} and {@code _sum} in seconds. No {@code _created} samples are produced.
 *
 * <pre>{@code
 * new PushGateway(url).push(new SnapshotCollector(store::latest), "app", Map.of("instance", "host1"));
 * }</pre>
 */
public final class SnapshotCollector extends Collector {
    private final Supplier<MetricSnapshot> snapshots;

    public SnapshotCollector(Supplier<MetricSnapshot> snapshots) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    @Override
    public List<MetricFamilySamples> collect() {
        MetricSnapshot snapshot = snapshots.get();
        List<MetricFamilySamples> out = new ArrayList<>(snapshot.families().size());
        for (MetricFamily family : snapshot.families()) {
            if (!family.series().isEmpty()) {
                out.add(convert(family));
            }
        }
        return out;
    }

    private static MetricFamilySamples convert(MetricFamily family) {
        String name = family.name();
        String help = family.help() == null ? "" : family.help();
        return switch (family.type()) {
            case GAUGE -> new MetricFamilySamples(name, Type.GAUGE, help, plain(family));
            case COUNTER -> name.endsWith("_total")
                    ? new MetricFamilySamples(name.substring(0, name.length() - "_total".length()), Type.COUNTER, help,
                    plain(family))
                    : new MetricFamilySamples(name, Type.UNKNOWN, help, plain(family));
            case HISTOGRAM -> new MetricFamilySamples(name, Type.HISTOGRAM, help, histogram(family));
        };
    }

    private static List<MetricFamilySamples.Sample> plain(MetricFamily family) {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(family.series().size());
        for (Series s : family.series()) {
            samples.add(new MetricFamilySamples.Sample(family.name(), family.labelNames(), s.labelValues(), s.value()));
        }
        return samples;
    }

    private static List<MetricFamilySamples.Sample> histogram(MetricFamily family) {
        String[] le = Samples.bounds(family);
        List<String> bucketLabels = new ArrayList<>(family.labelNames());
        bucketLabels.add("le");
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(family.series().size() * (le.length + 2));
        for (Series s : family.series()) {
            addHistogram(samples, family.name(), family.labelNames(), bucketLabels, le, s);
        }
        return samples;
    }

    private static void addHistogram(List<MetricFamilySamples.Sample> samples, String name, List<String> labelNames,
                                     List<String> bucketLabels, String[] le, Series s) {
        long[] counts = s.bucketCounts();
        if (counts == null || counts.length != le.length) {
            throw new IllegalArgumentException(name + ": series " + s.labelValues() + " has "
                    + (counts == null ? "no" : counts.length) + " bucket counts for " + le.length + " buckets");
        }
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            List<String> values = new ArrayList<>(s.labelValues());
            values.add(le[i]);
            samples.add(new MetricFamilySamples.Sample(name + "_bucket", bucketLabels, values, cumulative));
        }
        samples.add(new MetricFamilySamples.Sample(name + "_count", labelNames, s.labelValues(), cumulative));
        samples.add(new MetricFamilySamples.Sample(name + "_sum", labelNames, s.labelValues(), s.sumSeconds()));
    }
}
