package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotSumTest {
    private static final double[] BOUNDS = {0.1, 1};

    private static MetricSnapshot part(double errors, long[] buckets, long sumNanos, Double gauge) {
        return part(errors, buckets, sumNanos, gauge, Series.NO_TIME);
    }

    private static MetricSnapshot part(double errors, long[] buckets, long sumNanos, Double gauge, long gaugeTime) {
        List<MetricFamily> families = new java.util.ArrayList<>(List.of(
                new MetricFamily("a_errors_total", MetricType.COUNTER, "h", List.of("t"), null,
                        List.of(Series.counter(List.of("x"), errors))),
                new MetricFamily("a_seconds", MetricType.HISTOGRAM, "h", List.of("m"), BOUNDS,
                        List.of(Series.histogram(List.of("m1"), buckets, sumNanos)))));
        if (gauge != null) {
            families.add(new MetricFamily("a_gauge", MetricType.GAUGE, "h", List.of(), null,
                    List.of(Series.gauge(List.of(), gauge, gaugeTime))));
        }
        return new MetricSnapshot(families);
    }

    @Test
    void countersAndBucketsAddSumsAddExactlyTheLastGaugeWins() {
        MetricSnapshot sum = SnapshotSum.of(List.of(
                part(2, new long[] {1, 2, 3}, 1_000_000_001L, 5.0),
                part(3, new long[] {4, 0, 1}, 2_000_000_002L, 7.0),
                part(1, new long[] {0, 0, 1}, 3, null)));
        assertEquals(List.of("a_errors_total", "a_gauge", "a_seconds"), sum.families().stream().map(MetricFamily::name).toList());
        assertEquals(6.0, sum.family("a_errors_total").orElseThrow().series().get(0).value());
        assertEquals(7.0, sum.family("a_gauge").orElseThrow().series().get(0).value());
        Series h = sum.family("a_seconds").orElseThrow().series().get(0);
        assertEquals(Series.histogram(List.of("m1"), new long[] {5, 2, 5}, 3_000_000_006L), h);
    }

    @Test
    void theGaugeWithTheNewestEventTimeWinsWhateverThePartOrder() {
        MetricSnapshot sum = SnapshotSum.of(List.of(part(0, new long[] {0, 0, 0}, 0, 5.0, 2000),
                part(0, new long[] {0, 0, 0}, 0, 7.0, 1000), part(0, new long[] {0, 0, 0}, 0, 9.0, 2000)));
        assertEquals(Series.gauge(List.of(), 9.0, 2000), sum.family("a_gauge").orElseThrow().series().get(0),
                "newest time; on a tie the later part");
        MetricSnapshot older = SnapshotSum.of(List.of(part(0, new long[] {0, 0, 0}, 0, 5.0, 2000),
                part(0, new long[] {0, 0, 0}, 0, 7.0, 1000)));
        assertEquals(5.0, older.family("a_gauge").orElseThrow().series().get(0).value());
    }

    @Test
    void aSumPastTheLongRangeSaturatesAsTheAggregatorDoes() {
        MetricSnapshot sum = SnapshotSum.of(List.of(part(0, new long[] {1, 0, 0}, Long.MAX_VALUE - 5, null),
                part(0, new long[] {1, 0, 0}, 10, null)));
        assertEquals(Long.MAX_VALUE, sum.family("a_seconds").orElseThrow().series().get(0).sumNanos());
    }

    @Test
    void partsThatDisagreeOnAFamilysLayoutAreABug() {
        MetricSnapshot other = new MetricSnapshot(List.of(new MetricFamily("a_errors_total", MetricType.COUNTER, "h",
                List.of("t", "u"), null, List.of(Series.counter(List.of("x", "y"), 1)))));
        assertThrows(IllegalArgumentException.class,
                () -> SnapshotSum.of(List.of(part(1, new long[] {0, 0, 1}, 0, null), other)));
    }
}
