package dev.logtally.aggregate;

import static dev.logtally.aggregate.Events.error;
import static dev.logtally.aggregate.Events.gauges;
import static dev.logtally.aggregate.Events.level;
import static dev.logtally.aggregate.Events.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.base.ConfigException;
import dev.logtally.parse.Event;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    static final double[] BOUNDS = {0.005, 0.01, 1};

    static Aggregator aggregator(AggregatorOptions o) {
        return new Aggregator(o, new SelfMetrics("test", Clock.systemUTC()));
    }

    static MetricFamily errors(String ns, Series... series) {
        return new MetricFamily(ns + "_errors_total", MetricType.COUNTER, "Error events, by error type and service.",
                List.of("error_type", "service"), null, List.of(series));
    }

    static MetricFamily durations(String ns, double[] bounds, Series... series) {
        return new MetricFamily(ns + "_request_duration_seconds", MetricType.HISTOGRAM,
                "Duration of timed events (duration_ms / 1000), by method.", List.of("method"), bounds, List.of(series));
    }

    static MetricFamily gauge(String name, String field, double v) {
        return new MetricFamily(name, MetricType.GAUGE, "Last value of the log field " + field + ".", List.of(), null,
                List.of(Series.gauge(List.of(), v)));
    }

    @Test
    void nothingCountedYetIsAnEmptySnapshot() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app").withGauges(List.of("q")));
        agg.apply(Events.event("INFO", null, null, null, Double.NaN, new double[] {Double.NaN}));
        assertEquals(MetricSnapshot.EMPTY, agg.snapshot());
    }

    @Test
    void errorsCountByTypeAndServiceAtErrorLevelsOnly() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app"));
        agg.apply(error("connection_timeout", "api"));
        agg.apply(error("connection_timeout", "api"));
        agg.apply(error(null, "api"));
        agg.apply(error("db", null));
        agg.apply(level("INFO", "connection_timeout", "api"));
        agg.apply(level("WARN", "connection_timeout", "api"));
        agg.apply(level(null, "connection_timeout", "api"));
        agg.apply(level("error", "connection_timeout", "api")); // the parser upper-cases levels; this is not ERROR
        assertEquals(new MetricSnapshot(List.of(errors("app",
                        Series.counter(List.of("connection_timeout", "api"), 2),
                        Series.counter(List.of("db", ""), 1),
                        Series.counter(List.of("unknown", "api"), 1)))),
                agg.snapshot());
    }

    @Test
    void configuredErrorLevelsAllCount() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app").withErrorLevels(List.of("warn", "ERROR")));
        agg.apply(level("WARN", "slow", "api"));
        agg.apply(level("ERROR", "slow", "api"));
        agg.apply(level("INFO", "slow", "api"));
        assertEquals(new MetricSnapshot(List.of(errors("app", Series.counter(List.of("slow", "api"), 2)))),
                agg.snapshot());
    }

    @Test
    void histogramUsesLessOrEqualBucketsAndAnExactNanosecondSum() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app").withBuckets(BOUNDS));
        for (double ms : new double[] {0, 5, 5.000001, 10, 1000, 1000.0001}) {
            agg.apply(timed("GET", ms));
        }
        agg.apply(timed("tiny", 0.0000004)); // 0.4 ns rounds to 0
        agg.apply(timed("tiny", 0.0000006)); // 0.6 ns rounds to 1
        agg.apply(timed("huge", 1e300));     // +Inf, and the sum saturates instead of wrapping
        agg.apply(timed("huge", 1e300));
        // not observed: no duration, invalid durations, no method
        agg.apply(timed("GET", Double.NaN));
        agg.apply(timed("GET", -1));
        agg.apply(timed("GET", Double.POSITIVE_INFINITY));
        agg.apply(timed(null, 5));
        long getSum = 0 + 5_000_000 + 5_000_001 + 10_000_000 + 1_000_000_000 + 1_000_000_100;
        assertEquals(new MetricSnapshot(List.of(durations("app", BOUNDS,
                        Series.histogram(List.of("GET"), new long[] {2, 2, 1, 1}, getSum),
                        Series.histogram(List.of("huge"), new long[] {0, 0, 0, 2}, Long.MAX_VALUE),
                        Series.histogram(List.of("tiny"), new long[] {2, 0, 0, 0}, 1)))),
                agg.snapshot());
    }

    @Test
    void gaugesKeepTheLastValueSeenAndAreLeftOutUntilSeen() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app").withGauges(List.of("queue_depth", "pool_used")));
        agg.apply(gauges(3, Double.NaN));
        agg.apply(gauges(-5.5, Double.NaN));
        agg.apply(gauges(Double.NaN, Double.NaN));
        agg.apply(error("x", "api")); // no gauges array at all
        assertEquals(new MetricSnapshot(List.of(
                        errors("app", Series.counter(List.of("x", "api"), 1)),
                        gauge("app_queue_depth", "queue_depth", -5.5))),
                agg.snapshot());
    }

    @Test
    void familiesAreSortedByNameAndSeriesByLabelValues() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app").withGauges(List.of("zz", "aa")));
        agg.apply(timed("b", 1));
        agg.apply(timed("a", 1));
        agg.apply(timed("B", 1));
        agg.apply(error("t", "s2"));
        agg.apply(error("t", "s1"));
        agg.apply(error("other", "s1"));
        agg.apply(gauges(1, 2));
        List<String> names = agg.snapshot().families().stream().map(MetricFamily::name).toList();
        assertEquals(List.of("app_aa", "app_errors_total", "app_request_duration_seconds", "app_zz"), names);
        assertEquals(List.of(List.of("other", "s1"), List.of("t", "s1"), List.of("t", "s2")),
                agg.snapshot().family("app_errors_total").orElseThrow().series().stream().map(Series::labelValues).toList());
        assertEquals(List.of(List.of("B"), List.of("a"), List.of("b")),
                agg.snapshot().family("app_request_duration_seconds").orElseThrow().series().stream()
                        .map(Series::labelValues).toList());
    }

    @Test
    void aSnapshotDoesNotChangeWhenMoreIsCounted() {
        Aggregator agg = aggregator(AggregatorOptions.defaults("app"));
        agg.apply(timed("GET", 1));
        agg.apply(error("x", "s"));
        MetricSnapshot before = agg.snapshot();
        MetricSnapshot copy = agg.snapshot();
        agg.apply(timed("GET", 1));
        agg.apply(error("x", "s"));
        assertEquals(copy, before);
        assertNotEquals(before, agg.snapshot());
    }

    /** Restoring a prefix's snapshot and applying the rest gives exactly one uninterrupted run's snapshot. */
    @Test
    void restoreThenApplyEqualsApplyingEverything() {
        AggregatorOptions o = new AggregatorOptions("app", AggregatorOptions.defaultBuckets(), 7,
                List.of("ERROR", "WARN"), List.of("q", "r"));
        for (long seed = 1; seed <= 5; seed++) {
            List<Event> events = randomEvents(new Random(seed), 20_000);
            SelfMetrics allSelf = new SelfMetrics("t", Clock.systemUTC());
            Aggregator all = new Aggregator(o, allSelf);
            events.forEach(all::apply);
            MetricSnapshot expected = Snapshots.combine(all.snapshot(), allSelf.checkpointed());

            MetricSnapshot resumed = MetricSnapshot.EMPTY;
            int from = 0;
            Random cuts = new Random(seed * 31);
            while (from < events.size()) {
                int to = Math.min(events.size(), from + 1 + cuts.nextInt(6_000));
                SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
                Aggregator part = new Aggregator(o, self);
                part.restore(resumed);
                self.restore(resumed, "the test");
                events.subList(from, to).forEach(part::apply);
                resumed = Snapshots.combine(part.snapshot(), self.checkpointed());
                from = to;
            }
            assertEquals(expected, resumed, "seed " + seed);
            // the run is big enough to exercise the guard and every metric
            assertTrue(allSelf.seriesDropped("app_errors_total", "error_type").get() > 0, "seed " + seed);
            assertTrue(allSelf.seriesDropped("app_request_duration_seconds", "method").get() > 0, "seed " + seed);
            assertEquals(4, expected.families().stream().filter(f -> f.name().startsWith("app_")).count());
        }
    }

    static List<Event> randomEvents(Random r, int n) {
        String[] levels = {"ERROR", "FATAL", "INFO", "WARN", null};
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String level = levels[r.nextInt(levels.length)];
            String type = r.nextInt(10) == 0 ? null : r.nextInt(20) == 0 ? "other" : "t" + r.nextInt(12);
            String service = r.nextInt(10) == 0 ? null : "s" + r.nextInt(9);
            String method = r.nextInt(3) == 0 ? null : "m" + r.nextInt(10);
            double ms = r.nextInt(8) == 0 ? Double.NaN : r.nextDouble() * Math.pow(10, r.nextInt(7) - 2);
            double[] g = r.nextBoolean() ? null
                    : new double[] {r.nextBoolean() ? Double.NaN : r.nextGaussian(), r.nextInt(5) == 0 ? r.nextInt() : Double.NaN};
            out.add(Events.event(level, type, service, method, ms, g));
        }
        return out;
    }

    @Test
    void restoreRefusesOtherBuckets() {
        Aggregator old = aggregator(AggregatorOptions.defaults("app").withBuckets(new double[] {0.1, 1}));
        old.apply(timed("GET", 5));
        Aggregator now = aggregator(AggregatorOptions.defaults("app"));
        ConfigException e = assertThrows(ConfigException.class, () -> now.restore(old.snapshot(), "the state in /s"));
        assertEquals("buckets", e.key());
        assertEquals("buckets: the state in /s was written with other buckets [0.1, 1.0] than the configured"
                + " [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];"
                + " keep the old buckets or start with a new state dir", e.getMessage());
    }

    @Test
    void restoreRefusesAnotherShape() {
        MetricSnapshot wrong = new MetricSnapshot(List.of(new MetricFamily("app_errors_total", MetricType.COUNTER, "h",
                List.of("type"), null, List.of(Series.counter(List.of("x"), 1)))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> aggregator(AggregatorOptions.defaults("app")).restore(wrong, "the state in /s"));
        assertEquals("state.dir: the state in /s holds app_errors_total as a counter with labels [type], but this"
                + " logtally counts it as a counter with labels [error_type, service]; start with a new state dir",
                e.getMessage());

        MetricSnapshot gaugeAsCounter = new MetricSnapshot(List.of(new MetricFamily("app_q", MetricType.COUNTER, "h",
                List.of(), null, List.of(Series.counter(List.of(), 1)))));
        e = assertThrows(ConfigException.class, () -> aggregator(AggregatorOptions.defaults("app")
                .withGauges(List.of("q"))).restore(gaugeAsCounter, "the state in /s"));
        assertEquals("state.dir: the state in /s holds app_q as a counter with labels [], but this logtally counts it"
                + " as a gauge with labels []; start with a new state dir", e.getMessage());
    }

    @Test
    void restoreRefusesCountsThatAreNotWholeNumbers() {
        for (double bad : new double[] {1.5, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e300}) {
            MetricSnapshot s = new MetricSnapshot(List.of(errors("app", Series.counter(List.of("x", "y"), bad))));
            ConfigException e = assertThrows(ConfigException.class,
                    () -> aggregator(AggregatorOptions.defaults("app")).restore(s, "the state in /s"));
            assertEquals("state.dir: the state in /s holds an invalid count " + bad + " in app_errors_total[x, y];"
                    + " move the state away to start over, which resets all counters", e.getMessage());
        }
        MetricSnapshot dup = new MetricSnapshot(List.of(errors("app", Series.counter(List.of("x", "y"), 1),
                Series.counter(List.of("x", "y"), 2))));
        ConfigException e = assertThrows(ConfigException.class,
                () -> aggregator(AggregatorOptions.defaults("app")).restore(dup, "the state in /s"));
        assertEquals("state.dir: the state in /s holds an invalid duplicate series in app_errors_total[x, y];"
                + " move the state away to start over, which resets all counters", e.getMessage());
    }

    @Test
    void restoreIgnoresFamiliesItDoesNotProduceAndNeedsAFreshAggregator() {
        Aggregator old = aggregator(AggregatorOptions.defaults("app").withGauges(List.of("gone", "kept")));
        old.apply(gauges(1, 2));
        Aggregator now = aggregator(AggregatorOptions.defaults("app").withGauges(List.of("kept")));
        now.restore(Snapshots.combine(old.snapshot(), new SelfMetrics("v", Clock.systemUTC()).checkpointed()));
        assertEquals(new MetricSnapshot(List.of(gauge("app_kept", "kept", 2))), now.snapshot());
        assertThrows(IllegalStateException.class, () -> now.restore(old.snapshot()));
    }

    /** The steady state allocates nothing: the per-event path is lookups and increments only. */
    @Test
    void applyAllocatesNothingOnceSeriesExist() {
        AggregatorOptions o = AggregatorOptions.defaults("app").withGauges(List.of("q"));
        Aggregator agg = aggregator(o);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // fresh String instances every time, as a parser would produce them
            events.add(Events.event(i % 20 == 0 ? "ERROR" : "INFO", new String("type" + (i % 5)),
                    new String("svc" + (i % 2)), i % 5 < 3 ? new String("m" + (i % 4)) : null, i % 700,
                    new double[] {i}));
        }
        events.forEach(agg::apply);
        Event[] array = events.toArray(new Event[0]);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < array.length; i++) {
                agg.apply(array[i]);
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // One object per call would be at least 16 B x 200,000 = 3.2 MB; 64 KiB leaves room for the JIT's own
        // allocations on this thread (seen: ~1.3 KB under load) and still catches any per-call allocation.
        assertTrue(allocated < 64 * 1024, "200,000 apply() calls allocated " + allocated + " bytes");
    }
}
