package dev.logtally.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The one order of log files that are read whole ({@code replay}, {@code trace}, {@code errors}, the issues
 * page's breadcrumbs): oldest first. A file's age is the time of its first event, whatever the file is
 * called, so a directory of archives plus the active file, or several services' files, are read in the
 * order they were written. Where that does not decide (the same first time, or none: such files go last),
 * the name does, compared as rotations are numbered ({@link NameOrder}: {@code .gz}/{@code .tmp} left out,
 * digit runs by value, so {@code app.2026-11-24.9.log} before {@code app.2026-11-24.10.log}), then the path.
 *
 * <p>The order decides what a sequential reading would decide: which gauge value is the last, and in which
 * order the cardinality guard meets label values. The follower, which knows its active file, orders one
 * file's rotated copies by the name part alone ({@link NameOrder#oldestFirst}), before any of them is read.
 * The first event's time is the caller's to find ({@code source} does not parse).
 *
 * <pre>{@code
 * List<Path> ordered = FileOrder.oldestFirst(paths, p -> firstEventMillisOrNoTime(p));
 * }</pre>
 */
public final class FileOrder {
    /** A file without a timed event (in the part of its head that was looked at), or unreadable. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private FileOrder() {
    }

    /**
     * {@code files}, oldest first.
     *
     * @param firstEventTime epoch milliseconds of each file's first timed event, or {@link #NO_TIME}; asked
     *                       once per file
     */
    public static List<Path> oldestFirst(List<Path> files, ToLongFunction<Path> firstEventTime) {
        List<Keyed> keyed = new ArrayList<>(files.size());
        for (Path p : files) {
            Path name = p.getFileName();
            keyed.add(new Keyed(p, firstEventTime.applyAsLong(p),
                    name == null ? "" : NameOrder.normalize(name.toString())));
        }
        keyed.sort(Comparator.comparingLong(Keyed::sortTime)
                .thenComparing((a, b) -> NameOrder.natural(a.name, b.name))
                .thenComparing(Keyed::path));
        List<Path> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.path));
        return out;
    }

    private record Keyed(Path path, long time, String name) {
        long sortTime() {
            return time == NO_TIME ? Long.MAX_VALUE : time;
        }
    }
}
