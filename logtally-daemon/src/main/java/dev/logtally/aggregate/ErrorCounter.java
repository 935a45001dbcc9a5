package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code NS_errors_total{error_type,service}}: counts events whose level is one of the error levels.
 * An event without {@code error_type} counts as {@code unknown}; an event without {@code service} gets the
 * empty value, which Prometheus reads as "label absent" (the drop-in always writes a service, default
 * {@code app}, so only foreign logs lack it). Both labels pass through their own {@link LabelGuard}, as do
 * the configured {@link ExtraLabels}, which follow them.
 */
final class ErrorCounter {
    static final String HELP = "Error events, by error type and service.";
    static final List<String> LABELS = List.of("error_type", "service");
    static final String UNKNOWN_TYPE = "unknown";
    static final String NO_SERVICE = "";

    private final String name;
    private final ErrorLevel levels;
    private final LabelGuard types;
    private final LabelGuard services;
    private final ExtraLabels extra;
    private final List<String> labelNames;
    /** Base series (error type, service) by their packed ids, and each one's key. */
    private final LongIndexMap index = new LongIndexMap();
    private long[] keys = new long[16];
    /** Per series (a base series when no extra label is configured). */
    private long[] counts = new long[16];

    ErrorCounter(AggregatorOptions options, SelfMetrics self) {
        name = options.errorsName();
        levels = new ErrorLevel(options.errorLevels());
        types = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(name, LABELS.get(0)));
        services = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(name, LABELS.get(1)));
        extra = new ExtraLabels(options, self, name);
        labelNames = concat(LABELS, extra.names());
    }

    /** {@code base} followed by {@code more}. */
    static List<String> concat(List<String> base, List<String> more) {
        if (more.isEmpty()) {
            return base;
        }
        List<String> all = new ArrayList<>(base);
        all.addAll(more);
        return List.copyOf(all);
    }

    void apply(Event e) {
        if (!levels.test(e.level())) {
            return;
        }
        String type = e.errorType();
        String service = e.service();
        int t = types.id(type == null ? UNKNOWN_TYPE : type);
        int s = services.id(service == null ? NO_SERVICE : service);
        int i = counter(extra.series(indexOf(t, s), e.labels())); // may replace `counts`
        counts[i]++;
    }

    /** {@code series}, with room for it in {@link #counts}. */
    private int counter(int series) {
        if (series >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(counts.length * 2, series + 1));
        }
        return series;
    }

    private int indexOf(int typeId, int serviceId) {
        long key = ((long) typeId << 32) | serviceId;
        int i = index.get(key);
        return i >= 0 ? i : add(key);
    }

    private int add(long key) {
        int i = index.add(key);
        if (i == keys.length) {
            keys = Arrays.copyOf(keys, i * 2);
        }
        keys[i] = key;
        return i;
    }

    /** The family, or null when no error was counted yet. */
    MetricFamily family() {
        int n = extra.count(index.size());
        if (n == 0) {
            return null;
        }
        List<Series> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long key = keys[extra.base(i)];
            series.add(Series.counter(concat(List.of(types.value((int) (key >>> 32)), services.value((int) key)),
                    extra.values(i)), counts[i]));
        }
        series.sort(Snapshots.BY_LABELS);
        return new MetricFamily(name, MetricType.COUNTER, HELP, labelNames, null, series);
    }

    void restore(MetricFamily f, String where) {
        Restoring.requireShape(f, MetricType.COUNTER, labelNames, where);
        for (Series s : f.series()) {
            long count = Restoring.count(s.value(), f, s, where);
            int t = types.restore(s.labelValues().get(0));
            int sv = services.restore(s.labelValues().get(1));
            long key = ((long) t << 32) | sv;
            int base = index.get(key);
            int before = extra.count(index.size());
            int i = counter(extra.restore(base >= 0 ? base : add(key), s.labelValues().subList(2, labelNames.size())));
            if (extra.count(index.size()) == before) {
                throw Restoring.duplicate(f, s, where);
            }
            counts[i] = count;
        }
    }
}
