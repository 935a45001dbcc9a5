package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The correlation IDs of a group's latest events: at most {@value ErrorGroupView#MAX_SAMPLES} distinct IDs,
 * each at the latest position it was seen at, latest first — the "other samples" the issues page links to.
 * "Latest" is {@link GroupTally}'s order (event time, then file, then offset; a timed event is later than an
 * untimed one), so merging the samples of files read in parallel gives what reading them in order gives.
 * Fixed arrays: keeping a sample allocates nothing.
 *
 * <pre>{@code
 * RecentSamples s = new RecentSamples();
 * s.offer(event.correlationId(), event.timestampMillis(), file, offset);
 * List<String> latestFirst = s.ids();
 * }</pre>
 */
final class RecentSamples {
    private static final int MAX = ErrorGroupView.MAX_SAMPLES;
    private final String[] ids = new String[MAX];
    private final long[] times = new long[MAX];
    private final int[] files = new int[MAX];
    private final long[] offsets = new long[MAX];
    private int n;

    /** Keeps {@code id} seen at ({@code t}, {@code file}, {@code offset}) if it is among the latest distinct IDs. */
    void offer(String id, long t, int file, long offset) {
        int at = indexOf(id);
        if (at >= 0) {
            if (!later(t, file, offset, at)) {
                return;
            }
            remove(at);
        } else if (n == MAX) {
            if (!later(t, file, offset, MAX - 1)) {
                return;
            }
            n--;
        }
        int i = n;
        while (i > 0 && later(t, file, offset, i - 1)) {
            move(i - 1, i);
            i--;
        }
        ids[i] = id;
        times[i] = t;
        files[i] = file;
        offsets[i] = offset;
        n++;
    }

    /** Takes in every sample of {@code o}. */
    void merge(RecentSamples o) {
        for (int i = 0; i < o.n; i++) {
            offer(o.ids[i], o.times[i], o.files[i], o.offsets[i]);
        }
    }

    /** Restores IDs read back from a checkpoint, latest first, as seen at {@code time} in that order. */
    void restore(List<String> latestFirst, long time) {
        for (int i = 0; i < latestFirst.size() && i < MAX; i++) {
            offer(latestFirst.get(i), time, Integer.MIN_VALUE, Long.MIN_VALUE + MAX - i);
        }
    }

    /** The IDs, latest first. */
    List<String> ids() {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ids[i]);
        }
        return out;
    }

    private int indexOf(String id) {
        for (int i = 0; i < n; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void remove(int at) {
        for (int i = at; i < n - 1; i++) {
            move(i + 1, i);
        }
        n--;
    }

    private void move(int from, int to) {
        ids[to] = ids[from];
        times[to] = times[from];
        files[to] = files[from];
        offsets[to] = offsets[from];
    }

    /** True when (t, file, offset) is later than the sample at {@code i}. */
    private boolean later(long t, int file, long offset, int i) {
        boolean timed = t != Event.NO_TIME;
        boolean theirs = times[i] != Event.NO_TIME;
        if (timed != theirs) {
            return timed;
        }
        int c = Long.compare(t, times[i]);
        if (c == 0) {
            c = Integer.compare(file, files[i]);
        }
        if (c == 0) {
            c = Long.compare(offset, offsets[i]);
        }
        return c > 0;
    }
}
