package dev.logtally.aggregate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One labelled series of a {@link MetricFamily}, as a value (immutable once built).
 *
 * <p>Histograms keep their sum in integer nanoseconds (observations are seconds) so that the sum is
 * exact and does not depend on the order events were counted in: a restart that resumes from a
 * checkpoint, or a replay that reads files in parallel, gives the same bits as one uninterrupted run.
 *
 * @param labelValues  values of the family's labels, in the family's label order
 * @param value        counter or gauge value (unused for histograms)
 * @param bucketCounts histogram only: count per bucket, <em>not</em> cumulative, one per bound plus the
 *                     last for {@code +Inf}; null for counters and gauges
 * @param sumNanos     histogram only: sum of observations in nanoseconds
 * @param timeMillis   gauge only: event time of the value ({@link #NO_TIME} when unknown). The value with
 *                     the newest event time wins, whatever order events are read in: after a restart, or
 *                     when a replay reads files in parallel, the gauge is still the newest value logged
 */
public record Series(List<String> labelValues, double value, long[] bucketCounts, long sumNanos, long timeMillis) {

    /** {@link #timeMillis()} of a series that carries no event time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    public Series {
        labelValues = List.copyOf(labelValues);
        bucketCounts = bucketCounts == null ? null : bucketCounts.clone();
    }

    public static Series counter(List<String> labelValues, double value) {
        return new Series(labelValues, value, null, 0, NO_TIME);
    }

    public static Series gauge(List<String> labelValues, double value) {
        return new Series(labelValues, value, null, 0, NO_TIME);
    }

    /** A gauge value logged at {@code timeMillis} (event time). */
    public static Series gauge(List<String> labelValues, double value, long timeMillis) {
        return new Series(labelValues, value, null, 0, timeMillis);
    }

    public static Series histogram(List<String> labelValues, long[] bucketCounts, long sumNanos) {
        return new Series(labelValues, 0, bucketCounts, sumNanos, NO_TIME);
    }

    @Override
    public long[] bucketCounts() {
        return bucketCounts == null ? null : bucketCounts.clone();
    }

    /** Histogram only: bucket count {@code i} (not cumulative) without copying the array. */
    public long bucket(int i) {
        return bucketCounts[i];
    }

    /** Histogram only: number of observations. */
    public long count() {
        long n = 0;
        for (long c : bucketCounts) {
            n += c;
        }
        return n;
    }

    /** Histogram only: sum of observations in seconds. */
    public double sumSeconds() {
        return sumNanos / 1e9;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s
                && labelValues.equals(s.labelValues)
                && Double.compare(value, s.value) == 0
                && Arrays.equals(bucketCounts, s.bucketCounts)
                && sumNanos == s.sumNanos
                && timeMillis == s.timeMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(labelValues, value, Arrays.hashCode(bucketCounts), sumNanos, timeMillis);
    }

    @Override
    public String toString() {
        return "Series" + labelValues + (bucketCounts == null ? "=" + value + (timeMillis == NO_TIME ? "" : "@" + timeMillis)
                : "{buckets=" + Arrays.toString(bucketCounts) + ", sumNanos=" + sumNanos + "}");
    }
}
