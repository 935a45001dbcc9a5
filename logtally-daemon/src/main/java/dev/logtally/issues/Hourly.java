package dev.logtally.issues;

import java.util.Arrays;

/**
 * An issue's events per hour, oldest hour first, the last bucket being the hour that starts at
 * {@code lastHourStart} (epoch ms, UTC): what the 24 h and 14 d sparklines are drawn from. Immutable;
 * {@link #NONE} when the source keeps no counts over time (e.g. {@code logtally errors} over archives).
 *
 * <pre>{@code
 * Hourly h = new Hourly(lastHour, counts);
 * long[] day = h.last(24);       // the last 24 hours
 * long[] days = h.daily(14);     // the last 14 days, summed per 24 hours
 * }</pre>
 */
public final class Hourly {
    /** No counts over time. */
    public static final Hourly NONE = new Hourly(0, new long[0]);
    private static final long HOUR = 3_600_000L;

    private final long lastHourStart;
    private final long[] counts;

    public Hourly(long lastHourStart, long[] counts) {
        this.lastHourStart = lastHourStart;
        this.counts = counts.clone();
    }

    /** True when there are counts. */
    public boolean present() {
        return counts.length > 0;
    }

    /** Start of the last hour bucket (epoch ms). */
    public long lastHourStart() {
        return lastHourStart;
    }

    /** Start of the first hour bucket (epoch ms). */
    public long firstHourStart() {
        return lastHourStart - (counts.length - 1L) * HOUR;
    }

    /** The last {@code n} hours, oldest first, zero-padded in front when fewer are kept. */
    public long[] last(int n) {
        long[] out = new long[n];
        int take = Math.min(n, counts.length);
        System.arraycopy(counts, counts.length - take, out, n - take, take);
        return out;
    }

    /** The last {@code days} days, each the sum of 24 hourly buckets, oldest first. */
    public long[] daily(int days) {
        long[] hours = last(days * 24);
        long[] out = new long[days];
        for (int i = 0; i < hours.length; i++) {
            out[i / 24] += hours[i];
        }
        return out;
    }

    /** Every bucket, oldest first (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hourly h && h.lastHourStart == lastHourStart && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastHourStart) * 31 + Arrays.hashCode(counts);
    }
}
