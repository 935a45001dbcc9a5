package dev.logtally.archive;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.TreeSet;

/**
 * Collects one error group while reading (one per group and file) and merges with the same group of other
 * files. "Earliest" and "latest" compare event time, then the reading position (file, then offset), so
 * the result does not depend on which thread read what; events without a time count as neither earliest
 * nor latest while a timed event exists.
 *
 * <pre>{@code
 * GroupBuilder g = new GroupBuilder("timeout", "3dde25fd");
 * g.add(event, method, fileIndex, offset);
 * g.merge(sameGroupOfTheNextFile);
 * ErrorGroup done = g.build();
 * }</pre>
 */
final class GroupBuilder {
    private final String errorType;
    private final String stackHash;
    private long count;
    private final Position first = new Position();
    private final Position last = new Position();
    private final Position firstWithRelease = new Position();
    private final Position lastWithCorrelation = new Position();
    private String firstRelease;
    private String sampleMessage;
    private String sampleCorrelationId;
    private final TreeSet<String> services = new TreeSet<>();
    private final TreeSet<String> methods = new TreeSet<>();
    private final TreeSet<String> releases = new TreeSet<>();

    GroupBuilder(String errorType, String stackHash) {
        this.errorType = errorType;
        this.stackHash = stackHash;
    }

    void add(Event e, String method, int fileIndex, long offset) {
        count++;
        long t = e.timestampMillis();
        first.takeIfEarlier(t, fileIndex, offset);
        if (last.takeIfLater(t, fileIndex, offset)) {
            sampleMessage = e.message();
        }
        if (e.release() != null) {
            releases.add(e.release());
            if (firstWithRelease.takeIfEarlier(t, fileIndex, offset)) {
                firstRelease = e.release();
            }
        }
        if (e.correlationId() != null && lastWithCorrelation.takeIfLater(t, fileIndex, offset)) {
            sampleCorrelationId = e.correlationId();
        }
        if (e.service() != null) {
            services.add(e.service());
        }
        if (method != null) {
            methods.add(method);
        }
    }

    void merge(GroupBuilder o) {
        count += o.count;
        first.takeIfEarlier(o.first);
        if (last.takeIfLater(o.last)) {
            sampleMessage = o.sampleMessage;
        }
        if (firstWithRelease.takeIfEarlier(o.firstWithRelease)) {
            firstRelease = o.firstRelease;
        }
        if (lastWithCorrelation.takeIfLater(o.lastWithCorrelation)) {
            sampleCorrelationId = o.sampleCorrelationId;
        }
        services.addAll(o.services);
        methods.addAll(o.methods);
        releases.addAll(o.releases);
    }

    ErrorGroup build() {
        return new ErrorGroup(errorType, stackHash, count, first.time(), last.time(), sampleMessage,
                sampleCorrelationId, new ArrayList<>(services), new ArrayList<>(methods), new ArrayList<>(releases),
                firstRelease);
    }

    /** A reading position ordered by (time, file, offset), a timed one always preferred; unset until the first take. */
    private static final class Position {
        private boolean set;
        private long time;
        private int file;
        private long offset;

        long time() {
            return set ? time : Event.NO_TIME;
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
