package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one error group while events are counted (the reader thread's, or one archive file's):
 * count, first and last seen, the sample (message, correlation ID, stack head) of the latest event, releases,
 * services, methods, counts per hour, status. "Earliest" and "latest" compare event time, then the reading
 * position (file, then offset), so merging the groups of files read in parallel gives the same result as
 * reading them in order; an event without a time counts as neither while a timed event exists.
 *
 * <p>Adding an event to an existing group allocates nothing unless the group gains a value (a release,
 * service or method it had not seen) or the sample's text must be cut.
 */
final class GroupTally {
    /** Longest stack trace text kept for the sample (its head is all that is shown). */
    static final int MAX_STACK_TEXT = 8 * 1024;

    final String fingerprint;
    final long key;
    final String errorType;
    final String stackHash;
    long count;
    final Position first = new Position();
    final Position last = new Position();
    final Position firstWithRelease = new Position();
    final Position lastWithCorrelation = new Position();
    final Position firstWithStack = new Position();
    String firstRelease;
    String sampleMessage;
    String sampleStack;
    String sampleCorrelationId;
    final RecentSamples recentSamples = new RecentSamples();
    final List<String> services = new ArrayList<>(2);
    final List<String> methods = new ArrayList<>(2);
    final List<String> releases = new ArrayList<>(2);
    /** Counts per hour, a ring indexed by hour number modulo {@link HourlyCounts#HOURS}. */
    final int[] hours = new int[HourlyCounts.HOURS];
    /** Hour number (epoch hours) of the newest slot of {@link #hours}, or -1 before any timed event. */
    long newestHour = -1;
    GroupStatus status = GroupStatus.UNRESOLVED;
    boolean regressed;
    /** Times of the last events, a ring for {@link Escalation} (null while escalation is off or before an event). */
    long[] recent;
    int recentNext;
    int recentFilled;
    /** Reading order of the last event (for least-recently-seen eviction). */
    long touched;

    GroupTally(String fingerprint, long key, String errorType, String stackHash) {
        this.fingerprint = fingerprint;
        this.key = key;
        this.errorType = errorType;
        this.stackHash = stackHash;
    }

    void add(Event e, String method, int file, long offset) {
        count++;
        long t = e.timestampMillis();
        first.takeIfEarlier(t, file, offset);
        if (last.takeIfLater(t, file, offset)) {
            sampleMessage = cut(e.message(), ErrorGroupView.MAX_MESSAGE);
        }
        // The events of a group share their stack (its hash is the key): the earliest one that has it is kept,
        // so the tailer reads a stack trace only for a group that has none yet.
        if (e.stackTrace() != null && firstWithStack.takeIfEarlier(t, file, offset)) {
            sampleStack = cut(e.stackTrace(), MAX_STACK_TEXT);
        }
        String release = e.release();
        if (release != null) {
            addValue(releases, release);
            if (firstWithRelease.takeIfEarlier(t, file, offset)) {
                firstRelease = release;
            }
        }
        if (e.correlationId() != null) {
            if (lastWithCorrelation.takeIfLater(t, file, offset)) {
                sampleCorrelationId = e.correlationId();
            }
            recentSamples.offer(e.correlationId(), t, file, offset);
        }
        if (e.service() != null) {
            addValue(services, e.service());
        }
        if (method != null) {
            addValue(methods, method);
        }
        if (t != Event.NO_TIME) {
            countHour(Math.floorDiv(t, HourlyCounts.HOUR_MILLIS), 1);
        }
    }

    void merge(GroupTally o) {
        count += o.count;
        first.takeIfEarlier(o.first);
        if (last.takeIfLater(o.last)) {
            sampleMessage = o.sampleMessage;
        }
        if (firstWithStack.takeIfEarlier(o.firstWithStack)) {
            sampleStack = o.sampleStack;
        }
        if (firstWithRelease.takeIfEarlier(o.firstWithRelease)) {
            firstRelease = o.firstRelease;
        }
        if (lastWithCorrelation.takeIfLater(o.lastWithCorrelation)) {
            sampleCorrelationId = o.sampleCorrelationId;
        }
        recentSamples.merge(o.recentSamples);
        o.services.forEach(v -> addValue(services, v));
        o.methods.forEach(v -> addValue(methods, v));
        o.releases.forEach(v -> addValue(releases, v));
        if (o.newestHour >= 0) {
            for (long h = Math.max(0, o.newestHour - HourlyCounts.HOURS + 1); h <= o.newestHour; h++) {
                int n = o.hours[slot(h)];
                if (n != 0) {
                    countHour(h, n);
                }
            }
        }
        touched = Math.max(touched, o.touched);
    }

    /** Adds {@code n} events in epoch hour {@code h}; hours more than 14 days before the newest are dropped. */
    void countHour(long h, int n) {
        if (h > newestHour) {
            long clear = Math.min(h - newestHour, HourlyCounts.HOURS);
            for (long k = h - clear + 1; k <= h; k++) {
                hours[slot(k)] = 0;
            }
            newestHour = h;
        } else if (h <= newestHour - HourlyCounts.HOURS) {
            return;
        }
        hours[slot(h)] += n;
    }

    /** The counts as the 14 days ending at epoch hour {@code endHour}. */
    HourlyCounts hourly(long endHour) {
        int[] out = new int[HourlyCounts.HOURS];
        if (newestHour >= 0) {
            for (int i = 0; i < HourlyCounts.HOURS; i++) {
                long h = endHour - (HourlyCounts.HOURS - 1) + i;
                if (h <= newestHour && h > newestHour - HourlyCounts.HOURS) {
                    out[i] = hours[slot(h)];
                }
            }
        }
        return new HourlyCounts(endHour * HourlyCounts.HOUR_MILLIS, out);
    }

    /** The newest release seen, in release order, or null. */
    String newestRelease() {
        String newest = null;
        for (String r : releases) {
            if (newest == null || ReleaseOrder.compare(r, newest) > 0) {
                newest = r;
            }
        }
        return newest;
    }

    ErrorGroupView view(long endHour, long newestEventMillis) {
        List<String> rel = new ArrayList<>(releases);
        rel.sort(ReleaseOrder.ORDER);
        List<String> svc = new ArrayList<>(services);
        svc.sort(null);
        List<String> mth = new ArrayList<>(methods);
        mth.sort(null);
        long firstSeen = first.time();
        boolean isNew = firstSeen != Event.NO_TIME && newestEventMillis != Event.NO_TIME
                && firstSeen > newestEventMillis - 24 * HourlyCounts.HOUR_MILLIS;
        return new ErrorGroupView(fingerprint, errorType, stackHash, count, firstSeen, last.time(), sampleMessage,
                sampleCorrelationId, stackHead(sampleStack), svc, mth, rel, firstRelease, hourly(endHour), status,
                isNew, regressed, recentSamples.ids());
    }

    /** The first lines of a stack trace, tabs as four spaces, each bounded. */
    static List<String> stackHead(String stack) {
        if (stack == null || stack.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(ErrorGroupView.MAX_STACK_LINES);
        int from = 0;
        while (from < stack.length() && out.size() < ErrorGroupView.MAX_STACK_LINES) {
            int nl = stack.indexOf('\n', from);
            int end = nl < 0 ? stack.length() : nl;
            String line = stack.substring(from, end).replace("\r", "").replace("\t", "    ").stripTrailing();
            if (!line.isEmpty()) {
                out.add(cut(line, ErrorGroupView.MAX_STACK_LINE));
            }
            from = end + 1;
        }
        return out;
    }

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) HourlyCounts.HOURS);
    }

    private static void addValue(List<String> values, String v) {
        if (values.size() < ErrorGroupView.MAX_VALUES && !values.contains(v)) {
            values.add(v);
        }
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    /** A reading position ordered by (time, file, offset), a timed one always preferred; unset until the first take. */
    static final class Position {
        boolean set;
        long time;
        int file;
        long offset;

        long time() {
            return set ? time : Event.NO_TIME;
        }

        /** Sets a restored position (time only; the reading order is lost, ties go to later reads). */
        void restore(long t) {
            if (t != Event.NO_TIME || !set) {
                set = true;
                time = t;
                file = Integer.MIN_VALUE;
                offset = Long.MIN_VALUE;
            }
        }

        boolean takeIfEarlier(Position o) {
            return o.set && takeIfEarlier(o.time, o.file, o.offset);
        }

        boolean takeIfLater(Position o) {
            return o.set && takeIfLater(o.time, o.file, o.offset);
        }

        boolean takeIfEarlier(long t, int f, long off) {
            return take(t, f, off, -1);
        }

        boolean takeIfLater(long t, int f, long off) {
            return take(t, f, off, 1);
        }

        /** Takes (t, f, off) when unset, when it is timed and this is not, or when it compares to this as {@code sign}. */
        private boolean take(long t, int f, long off, int sign) {
            if (set) {
                boolean timed = t != Event.NO_TIME;
                boolean mine = time != Event.NO_TIME;
                if (timed != mine) {
                    if (!timed) {
                        return false;
                    }
                } else if (Integer.signum(compare(t, f, off)) != sign) {
                    return false;
                }
            }
            set = true;
            time = t;
            file = f;
            offset = off;
            return true;
        }

        private int compare(long t, int f, long off) {
            int c = Long.compare(t, time);
            if (c == 0) {
                c = Integer.compare(f, file);
            }
            return c == 0 ? Long.compare(off, offset) : c;
        }
    }
}
