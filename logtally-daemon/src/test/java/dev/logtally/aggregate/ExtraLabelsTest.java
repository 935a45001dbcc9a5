package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import dev.logtally.parse.Event;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extra labels from log fields ({@code labels.extra}): they follow the metric's own labels on
 * {@code NS_errors_total} and {@code NS_request_duration_seconds}, a missing field is the empty value, each
 * passes its own cardinality guard, and a checkpoint of them restores exactly.
 */
class ExtraLabelsTest {

    private static Event error(String type, String release, String tenant) {
        return new Event(Event.NO_TIME, "ERROR", "api", null, type, null, null, Double.NaN, null,
                null, null, null, null, null, null, new String[] {release, tenant});
    }

    private static Event timed(String method, double ms, String release, String tenant) {
        return new Event(Event.NO_TIME, "INFO", "api", null, null, null, method, ms, null,
                null, null, null, null, null, null, new String[] {release, tenant});
    }

    private static List<String> series(MetricSnapshot s, String family) {
        return s.family(family).orElseThrow().series().stream()
                .map(x -> String.join("/", x.labelValues()) + "="
                        + (x.bucketCounts() == null ? String.valueOf(x.value()) : x.count() + "," + x.sumNanos()))
                .toList();
    }

    private static Aggregator aggregator(SelfMetrics self, int limit) {
        return new Aggregator(AggregatorOptions.defaults("app").withLabelsMaxValues(limit)
                .withExtraLabels(List.of("release", "tenant")), self);
    }

    @Test
    void extraLabelsFollowTheMetricsOwnLabelsAndAreBoundedByTheGuard() {
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator agg = aggregator(self, 2);
        agg.apply(error("db", "2.4.1", "acme"));
        agg.apply(error("db", "2.4.1", "acme"));
        agg.apply(error("db", "2.4.2", "acme"));
        agg.apply(error("db", "2.4.3", "globex")); // release folded into other
        agg.apply(error("db", null, "initech"));   // tenant folded; an absent release is the empty value
        agg.apply(error("db", "2.4.1", "initech")); // folded again: each fold counts
        agg.apply(timed("GET", 1.5, "2.4.1", "acme"));
        agg.apply(timed("GET", 2.5, "2.4.1", "acme"));
        agg.apply(timed("GET", 1, null, null));

        MetricSnapshot snap = agg.snapshot();
        assertEquals(List.of("error_type", "service", "release", "tenant"),
                snap.family("app_errors_total").orElseThrow().labelNames());
        assertEquals(List.of("db/api/2.4.1/acme=2.0", "db/api/2.4.1/other=1.0", "db/api/2.4.2/acme=1.0",
                "db/api/other/globex=1.0", "db/api/other/other=1.0"), series(snap, "app_errors_total"));
        assertEquals(List.of("method", "release", "tenant"),
                snap.family("app_request_duration_seconds").orElseThrow().labelNames());
        assertEquals(List.of("GET//=1,1000000", "GET/2.4.1/acme=2,4000000"), series(snap, "app_request_duration_seconds"));
        // Admitted: 2.4.1, 2.4.2 then "" (the absent release) is past the limit of 2: other.
        assertEquals(2, CardinalityGuardTest.dropped(self, "app_errors_total", "release"));
        assertEquals(2, CardinalityGuardTest.dropped(self, "app_errors_total", "tenant"));
        assertEquals(0, CardinalityGuardTest.dropped(self, "app_request_duration_seconds", "release"));
    }

    @Test
    void aCheckpointWithExtraLabelsRestoresExactly() {
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator before = aggregator(self, 100);
        before.apply(error("db", "2.4.1", "acme"));
        before.apply(error("io", null, "acme"));
        before.apply(timed("GET", 3, "2.4.1", null));
        Aggregator after = aggregator(new SelfMetrics("t", Clock.systemUTC()), 100);
        after.restore(before.snapshot());
        before.apply(error("db", "2.4.1", "acme"));
        after.apply(error("db", "2.4.1", "acme"));
        before.apply(timed("GET", 3, "2.4.1", null));
        after.apply(timed("GET", 3, "2.4.1", null));
        assertEquals(before.snapshot(), after.snapshot());
    }

    @Test
    void withoutExtraLabelsTheSeriesAreTodays() {
        Aggregator agg = new Aggregator(AggregatorOptions.defaults("app"), new SelfMetrics("t", Clock.systemUTC()));
        agg.apply(Events.error("db", "api"));
        agg.apply(Events.timed("GET", 2));
        assertEquals(List.of("error_type", "service"), agg.snapshot().family("app_errors_total").orElseThrow().labelNames());
        assertEquals(List.of("db/api=1.0"), series(agg.snapshot(), "app_errors_total"));
        assertEquals(List.of("GET=1,2000000"), series(agg.snapshot(), "app_request_duration_seconds"));
    }

    @Test
    void aCheckpointWithOtherLabelsIsRefusedWithTheReason() {
        Aggregator plain = new Aggregator(AggregatorOptions.defaults("app"), new SelfMetrics("t", Clock.systemUTC()));
        plain.apply(Events.error("db", "api"));
        Aggregator labelled = aggregator(new SelfMetrics("t", Clock.systemUTC()), 100);
        ConfigException e = assertThrows(ConfigException.class, () -> labelled.restore(plain.snapshot()));
        assertEquals("state.dir", e.key());
    }

    @Test
    void badLabelNamesAreRefusedAtStartUp() {
        AggregatorOptions o = AggregatorOptions.defaults("app");
        for (String bad : new String[] {"1x", "a-b", "__x", "service", "le", "method", "error_type", "pool.name"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> o.withExtraLabels(List.of(bad)), bad);
            assertEquals("labels.extra", e.key());
        }
        assertThrows(ConfigException.class, () -> o.withExtraLabels(List.of("release", "release")));
        assertEquals(List.of("release", "pool"), o.withExtraLabels(List.of("release", "pool")).extraLabels());
    }
}
