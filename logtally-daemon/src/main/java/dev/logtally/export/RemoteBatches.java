package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Snapshots stamped with their time, cut into remote-write requests of at most {@code maxSamples} samples
 * each, oldest first, so that every series receives its samples in time order (what Prometheus needs
 * without an out-of-order window). Requests are built one at a time as they are asked for.
 *
 * <p>The samples are those of the text format ({@link Samples}): a counter or gauge is one sample named as
 * its family; a histogram is its cumulative {@code _bucket} samples ({@code le} spelled by {@link GoFloat},
 * {@code +Inf} last), {@code _sum} in seconds and {@code _count}. Each series carries its family's labels
 * and the {@code extra} labels (a family's own label of the same name wins), sorted by name with
 * {@code __name__}; labels with empty values are left out, as Prometheus treats them as absent.
 *
 * <pre>{@code
 * RemoteBatches batches = new RemoteBatches(points, Map.of("job", "logtally", "instance", "host-1"), 2000);
 * while (batches.hasNext()) {
 *     byte[] body = WriteRequestEncoder.encode(batches.next());
 * }
 * }</pre>
 */
public final class RemoteBatches implements Iterator<List<RemoteSeries>> {
    /** The reserved label holding the metric name. */
    static final String NAME = "__name__";

    private final List<TimedSnapshot> points;
    private final TreeMap<String, String> extra;
    private final int maxSamples;
    private final Map<MetricSnapshot, List<Flat>> flattened = new IdentityHashMap<>();
    private int point;
    private int offset;

    /** One sample's labels (sorted pairs, {@code __name__} included) and value. */
    record Flat(List<String> labels, double value) {
    }

    public RemoteBatches(List<TimedSnapshot> points, Map<String, String> extra, int maxSamples) {
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
        }
        this.points = List.copyOf(points);
        this.extra = new TreeMap<>(extra);
        this.maxSamples = maxSamples;
    }

    /** Samples over all points. */
    public long totalSamples() {
        long n = 0;
        for (TimedSnapshot p : points) {
            n += flat(p.snapshot()).size();
        }
        return n;
    }

    @Override
    public boolean hasNext() {
        skipEmpty();
        return point < points.size();
    }

    /** The next request's series, holding at most {@code maxSamples} samples. */
    @Override
    public List<RemoteSeries> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map<List<String>, Acc> series = new LinkedHashMap<>();
        int count = 0;
        while (point < points.size() && count < maxSamples) {
            TimedSnapshot p = points.get(point);
            List<Flat> flat = flat(p.snapshot());
            int take = Math.min(flat.size() - offset, maxSamples - count);
            long t = p.time().toEpochMilli();
            for (int i = offset; i < offset + take; i++) {
                Flat f = flat.get(i);
                series.computeIfAbsent(f.labels(), k -> new Acc()).add(t, f.value());
            }
            count += take;
            offset += take;
            if (offset == flat.size()) {
                point++;
                offset = 0;
            }
        }
        List<RemoteSeries> out = new ArrayList<>(series.size());
        series.forEach((labels, acc) -> out.add(acc.series(labels)));
        return out;
    }

    private void skipEmpty() {
        while (point < points.size() && flat(points.get(point).snapshot()).size() == offset) {
            point++;
            offset = 0;
        }
    }

    private List<Flat> flat(MetricSnapshot snapshot) {
        return flattened.computeIfAbsent(snapshot, s -> flatten(s, extra));
    }

    /** Every sample of {@code snapshot} with its sorted labels. */
    static List<Flat> flatten(MetricSnapshot snapshot, Map<String, String> extra) {
        List<Flat> out = new ArrayList<>();
        for (MetricFamily family : snapshot.families()) {
            String[] le = Samples.bounds(family);
            for (Series s : family.series()) {
                TreeMap<String, String> labels = new TreeMap<>(extra);
                for (int i = 0; i < family.labelNames().size(); i++) {
                    labels.put(family.labelNames().get(i), s.labelValues().get(i));
                }
                if (family.type() != MetricType.HISTOGRAM) {
                    out.add(new Flat(pairs(labels, family.name()), s.value()));
                    continue;
                }
                long cumulative = 0;
                for (int b = 0; b < le.length; b++) {
                    cumulative += s.bucket(b);
                    labels.put("le", le[b]);
                    out.add(new Flat(pairs(labels, family.name() + "_bucket"), cumulative));
                }
                labels.remove("le");
                out.add(new Flat(pairs(labels, family.name() + "_sum"), s.sumSeconds()));
                out.add(new Flat(pairs(labels, family.name() + "_count"), cumulative));
            }
        }
        return out;
    }

    private static List<String> pairs(TreeMap<String, String> labels, String name) {
        labels.put(NAME, name);
        List<String> out = new ArrayList<>(labels.size() * 2);
        labels.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.add(k);
                out.add(v);
            }
        });
        labels.remove(NAME);
        return out;
    }

    /** The samples of one series in one request. */
    private static final class Acc {
        private long[] times = new long[4];
        private double[] values = new double[4];
        private int n;

        void add(long t, double v) {
            if (n == times.length) {
                times = java.util.Arrays.copyOf(times, n * 2);
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            times[n] = t;
            values[n++] = v;
        }

        RemoteSeries series(List<String> labels) {
            return new RemoteSeries(labels, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
        }
    }
}
