package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code NS_errors_total{error_type,service}}: counts events whose level is one of the error levels.
 * An event without {@code error_type} counts as {@code unknown}; an event without {@code service} gets the
 * empty value, which Prometheus reads as "label absent" (the drop-in always writes a service, default
 * {@code app}, so only foreign logs lack it). Both labels pass through their own {@link LabelGuard}.
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
    private final LongIndexMap index = new LongIndexMap();
    private long[] keys = new long[16];
    private long[] counts = new long[16];

    ErrorCounter(AggregatorOptions options, SelfMetrics self) {
        name = options.errorsName();
        levels = new ErrorLevel(options.errorLevels());
        types = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(name, LABELS.get(0)));
        services = new LabelGuard(options.labelsMaxValues(), self.seriesDropped(name, LABELS.get(1)));
    }

    void apply(Event e) {
        if (!levels.test(e.level())) {
            return;
        }
        String type = e.errorType();
        String service = e.service();
        int t = types.id(type == null ? UNKNOWN_TYPE : type);
        int s = services.id(service == null ? NO_SERVICE : service);
        int i = indexOf(t, s); // before reading `counts`: adding a series may replace the array
        counts[i]++;
    }

    private int indexOf(int typeId, int serviceId) {
        long key = ((long) typeId << 32) | serviceId;
        int i = index.get(key);
        return i >= 0 ? i : add(key);
    }

    private int add(long key) {
        int i = index.add(key);
        if (i == counts.length) {
            counts = Arrays.copyOf(counts, i * 2);
            keys = Arrays.copyOf(keys, i * 2);
        }
        keys[i] = key;
        return i;
    }

    /** The family, or null when no error was counted yet. */
    MetricFamily family() {
        int n = index.size();
        if (n == 0) {
            return null;
        }
        List<Series> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            series.add(Series.counter(List.of(types.value((int) (keys[i] >>> 32)), services.value((int) keys[i])),
                    counts[i]));
        }
        series.sort(Snapshots.BY_LABELS);
        return new MetricFamily(name, MetricType.COUNTER, HELP, LABELS, null, series);
    }

    void restore(MetricFamily f, String where) {
        Restoring.requireShape(f, MetricType.COUNTER, LABELS, where);
        for (Series s : f.series()) {
            long count = Restoring.count(s.value(), f, s, where);
            int t = types.restore(s.labelValues().get(0));
            int sv = services.restore(s.labelValues().get(1));
            long key = ((long) t << 32) | sv;
            if (index.get(key) >= 0) {
                throw Restoring.duplicate(f, s, where);
            }
            int i = add(key);
            counts[i] = count;
        }
    }
}
