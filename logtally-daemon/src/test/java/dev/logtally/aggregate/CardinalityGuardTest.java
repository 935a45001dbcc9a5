package dev.logtally.aggregate;

import static dev.logtally.aggregate.Events.error;
import static dev.logtally.aggregate.Events.timed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardinalityGuardTest {

    private static List<String> labels(MetricSnapshot s, String family) {
        return s.family(family).orElseThrow().series().stream()
                .map(x -> String.join("/", x.labelValues()) + "=" + (x.bucketCounts() == null ? String.valueOf(x.value()) : String.valueOf(x.count())))
                .toList();
    }

    static double dropped(SelfMetrics self, String metric, String label) {
        return self.checkpointed().family(SelfMetrics.SERIES_DROPPED).orElseThrow().series().stream()
                .filter(s -> s.labelValues().equals(List.of(metric, label))).findFirst().orElseThrow().value();
    }

    @Test
    void tenThousandErrorTypesKeepTheLimitPlusOther() {
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator agg = new Aggregator(AggregatorOptions.defaults("app"), self);
        for (int i = 0; i < 10_000; i++) {
            agg.apply(error(String.format("type%05d", i), "api"));
        }
        agg.apply(error("type00000", "api")); // admitted values keep counting as themselves
        agg.apply(error("type09999", "api")); // a folded value stays folded

        MetricFamily f = agg.snapshot().family("app_errors_total").orElseThrow();
        assertEquals(101, f.series().size());
        List<String> expected = new ArrayList<>();
        expected.add("other/api=9901.0");
        expected.add("type00000/api=2.0");
        for (int i = 1; i < 100; i++) {
            expected.add(String.format("type%05d/api=1.0", i));
        }
        expected.sort(null);
        assertEquals(expected, labels(agg.snapshot(), "app_errors_total"));
        assertEquals(9901, dropped(self, "app_errors_total", "error_type"));
        assertEquals(0, dropped(self, "app_errors_total", "service"));
        assertEquals(0, dropped(self, "app_request_duration_seconds", "method"));
    }

    @Test
    void eachLabelHasItsOwnGuardAndEachFoldCounts() {
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator agg = new Aggregator(AggregatorOptions.defaults("app").withLabelsMaxValues(2), self);
        agg.apply(error("a", "s1"));
        agg.apply(error("b", "s2"));
        agg.apply(error("c", "s3"));   // both labels folded: two drops
        agg.apply(error("a", "s3"));   // service folded
        agg.apply(error("c", "s1"));   // error_type folded
        agg.apply(timed("GET", 1));
        agg.apply(timed("POST", 1));
        agg.apply(timed("PUT", 1));
        agg.apply(timed("PUT", 2));
        assertEquals(List.of("a/other=1.0", "a/s1=1.0", "b/s2=1.0", "other/other=1.0", "other/s1=1.0"),
                labels(agg.snapshot(), "app_errors_total"));
        assertEquals(List.of("GET=1", "POST=1", "other=2"), labels(agg.snapshot(), "app_request_duration_seconds"));
        assertEquals(2, dropped(self, "app_errors_total", "error_type"));
        assertEquals(2, dropped(self, "app_errors_total", "service"));
        assertEquals(2, dropped(self, "app_request_duration_seconds", "method"));
    }

    @Test
    void theLiteralValueOtherTakesNoSlotAndIsNoDrop() {
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator agg = new Aggregator(AggregatorOptions.defaults("app").withLabelsMaxValues(1), self);
        agg.apply(error("other", "api"));
        agg.apply(error("a", "api"));
        agg.apply(error("b", "api"));
        assertEquals(List.of("a/api=1.0", "other/api=2.0"), labels(agg.snapshot(), "app_errors_total"));
        assertEquals(1, dropped(self, "app_errors_total", "error_type"));
    }

    @Test
    void admittedValuesSurviveRestoreSoTheGuardDecidesAlikeAcrossRestarts() {
        AggregatorOptions o = AggregatorOptions.defaults("app").withLabelsMaxValues(3);
        SelfMetrics oneSelf = new SelfMetrics("t", Clock.systemUTC());
        Aggregator one = new Aggregator(o, oneSelf);
        SelfMetrics firstSelf = new SelfMetrics("t", Clock.systemUTC());
        Aggregator first = new Aggregator(o, firstSelf);
        for (String t : List.of("c", "a", "b", "z")) {
            one.apply(error(t, "s"));
            first.apply(error(t, "s"));
        }
        MetricSnapshot saved = Snapshots.combine(first.snapshot(), firstSelf.checkpointed());

        SelfMetrics secondSelf = new SelfMetrics("t", Clock.systemUTC());
        Aggregator second = new Aggregator(o, secondSelf);
        second.restore(saved);
        secondSelf.restore(saved, "test");
        for (String t : List.of("d", "a", "other", "z", "b")) {
            one.apply(error(t, "s"));
            second.apply(error(t, "s"));
        }
        assertEquals(List.of("a/s=2.0", "b/s=2.0", "c/s=1.0", "other/s=4.0"), labels(second.snapshot(), "app_errors_total"));
        assertEquals(Snapshots.combine(one.snapshot(), oneSelf.checkpointed()),
                Snapshots.combine(second.snapshot(), secondSelf.checkpointed()));
        assertEquals(3, dropped(secondSelf, "app_errors_total", "error_type"));
    }

    @Test
    void aLoweredLimitKeepsEveryRestoredSeriesAndFoldsNewValues() {
        Aggregator before = new Aggregator(AggregatorOptions.defaults("app").withLabelsMaxValues(5),
                new SelfMetrics("t", Clock.systemUTC()));
        for (String m : List.of("a", "b", "c", "d", "e")) {
            before.apply(timed(m, 1));
        }
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        Aggregator after = new Aggregator(AggregatorOptions.defaults("app").withLabelsMaxValues(2), self);
        after.restore(before.snapshot());
        after.apply(timed("e", 1));
        after.apply(timed("f", 1));
        assertEquals(List.of("a=1", "b=1", "c=1", "d=1", "e=2", "other=1"),
                labels(after.snapshot(), "app_request_duration_seconds"));
        assertEquals(1, dropped(self, "app_request_duration_seconds", "method"));
    }
}
