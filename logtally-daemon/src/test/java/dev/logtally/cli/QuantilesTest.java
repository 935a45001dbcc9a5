package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same numbers Prometheus's histogram_quantile gives for the same buckets. */
class QuantilesTest {
    private final MetricFamily f = new MetricFamily("x", MetricType.HISTOGRAM, "h", List.of("method"),
            new double[] {0.01, 0.1, 1}, List.of());

    @Test
    void interpolatesInsideTheBucketHoldingTheRank() {
        Series s = Series.histogram(List.of("m"), new long[] {10, 30, 60, 0}, 0);
        assertEquals(0.01 + 0.09 * (30 - 10) / 30.0, Quantiles.of(f, s, 0.3), 1e-15);
        assertEquals(0.1 + 0.9 * (50 - 40) / 60.0, Quantiles.of(f, s, 0.5), 1e-15);
        assertEquals(0.1 + 0.9 * (99 - 40) / 60.0, Quantiles.of(f, s, 0.99), 1e-15);
        assertEquals(0.01 * 5 / 10.0, Quantiles.of(f, s, 0.05), 1e-15);
    }

    @Test
    void rankInPlusInfGivesTheHighestBoundAndEmptyIsNaN() {
        assertEquals(1.0, Quantiles.of(f, Series.histogram(List.of("m"), new long[] {0, 0, 1, 9}, 0), 0.5));
        assertEquals(Double.NaN, Quantiles.of(f, Series.histogram(List.of("m"), new long[] {0, 0, 0, 0}, 0), 0.5));
    }
}
