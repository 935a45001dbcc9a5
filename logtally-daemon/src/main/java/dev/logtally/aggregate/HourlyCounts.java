package dev.logtally.aggregate;

import java.util.Arrays;

/**
 * A group's events per hour of event time over the last {@value #HOURS} hours (14 days), for sparklines and
 * "N in M" checks. Immutable; hour {@code size() - 1} is the hour starting at {@link #endHourMillis()}, hour 0
 * the oldest. Every group of one view shares the same end (the hour of the newest event seen at all), so
 * sparklines line up.
 *
 * <pre>{@code
 * HourlyCounts h = view.hourly();
 * long lastDay = h.sumLast(24);
 * for (int i = 0; i < h.size(); i++) spark(h.get(i));
 * }</pre>
 */
public final class HourlyCounts {
    /** 14 days of hours. */
    public static final int HOURS = 14 * 24;
    static final long HOUR_MILLIS = 3_600_000L;

    private final long endHourMillis;
    private final int[] counts;

    /** @param counts oldest first, {@value #HOURS} of them (copied) */
    public HourlyCounts(long endHourMillis, int[] counts) {
        if (counts.length != HOURS) {
            throw new IllegalArgumentException(counts.length + " hours, not " + HOURS);
        }
        this.endHourMillis = endHourMillis;
        this.counts = counts.clone();
    }

    /** No events at all, ending at {@code endHourMillis}. */
    public static HourlyCounts empty(long endHourMillis) {
        return new HourlyCounts(endHourMillis, new int[HOURS]);
    }

    /** Start (epoch ms, a whole hour) of the newest hour, {@code get(size() - 1)}. */
    public long endHourMillis() {
        return endHourMillis;
    }

    public int size() {
        return HOURS;
    }

    /** Events in hour {@code i} (0 = oldest). */
    public int get(int i) {
        return counts[i];
    }

    /** Events in the newest {@code hours} hours. */
    public long sumLast(int hours) {
        long s = 0;
        for (int i = Math.max(0, HOURS - hours); i < HOURS; i++) {
            s += counts[i];
        }
        return s;
    }

    /** A copy of the counts, oldest first. */
    public int[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourlyCounts h && h.endHourMillis == endHourMillis && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(endHourMillis) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "HourlyCounts[end=" + endHourMillis + ", last24h=" + sumLast(24) + "]";
    }
}
