package dev.logtally.cli;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.Series;

/**
 * Quantile estimates from a histogram's buckets, computed as Prometheus's {@code histogram_quantile}
 * does: find the bucket holding the rank, interpolate linearly inside it; a rank in the {@code +Inf}
 * bucket gives the highest finite bound.
 *
 * <pre>{@code
 * double p95 = Quantiles.of(family, series, 0.95);   // seconds
 * }</pre>
 */
final class Quantiles {
    private Quantiles() {
    }

    /** The {@code q}-quantile of one histogram series, or NaN when it has no observations. */
    static double of(MetricFamily family, Series s, double q) {
        long total = s.count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long cumulative = 0;
        for (int i = 0; i < family.boundCount(); i++) {
            long before = cumulative;
            cumulative += s.bucket(i);
            if (cumulative >= rank) {
                double lower = i == 0 ? 0 : family.bound(i - 1);
                double upper = family.bound(i);
                long inBucket = cumulative - before;
                return inBucket == 0 ? upper : lower + (upper - lower) * (rank - before) / inBucket;
            }
        }
        return family.bound(family.boundCount() - 1);
    }
}
