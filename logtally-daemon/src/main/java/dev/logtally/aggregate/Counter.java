package dev.logtally.aggregate;

/**
 * A monotone count written by one thread only (the reader thread of {@code tail}), so increments are a
 * plain field update with no fence: what the per-line path needs. Read it on the same thread, or after a
 * hand-over that publishes it (a snapshot taken on the writing thread).
 *
 * <pre>{@code
 * Counter dropped = selfMetrics.seriesDropped("app_errors_total", "error_type");
 * dropped.inc();
 * }</pre>
 */
public final class Counter {
    private long value;

    public void inc() {
        value++;
    }

    /** Adds {@code n} (≥ 0). */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter never decreases: " + n);
        }
        value += n;
    }

    public long get() {
        return value;
    }

    /** Sets the value restored from a checkpoint. */
    void set(long v) {
        value = v;
    }
}
