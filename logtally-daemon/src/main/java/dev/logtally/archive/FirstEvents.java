package dev.logtally.archive;

import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.LineSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders log files by the time of their first event, so that a directory of archives plus the active file
 * is read oldest first whatever the files are called; files with the same first time, or none, keep
 * their path order (files without any timed event go last). Only the head of each file is read: lines
 * until the first event with a {@code @timestamp}, at most {@value #MAX_LINES} lines.
 *
 * <p>The order decides what a sequential reading would decide: which gauge value is the last, and in which
 * order the cardinality guard meets label values.
 *
 * <pre>{@code
 * List<LogFile> ordered = FileOrder.byFirstEvent(paths, parserOptions, 1 << 20);
 * }</pre>
 */
public final class FileOrder {
    /** How many lines of a file's head are looked at for a timed event. */
    static final int MAX_LINES = 1000;

    private FileOrder() {
    }

    /** The files as {@link LogFile}s, oldest first. A file that cannot be read sorts as having no time. */
    public static List<LogFile> byFirstEvent(List<Path> files, ParserOptions parserOptions, int maxLineBytes) {
        LineParser parser = new LineParser(parserOptions);
        ArchiveReader reader = new ArchiveReader(maxLineBytes);
        List<Keyed> keyed = new ArrayList<>(files.size());
        for (Path p : files) {
            keyed.add(new Keyed(LogFile.of(p), firstEventTime(p, parser, reader)));
        }
        keyed.sort(Comparator.comparingLong(Keyed::sortTime).thenComparing(k -> k.file.path()));
        List<LogFile> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.file));
        return out;
    }

    /** Event time of the first timed event in the head of {@code file}, or {@link Event#NO_TIME}. */
    static long firstEventTime(Path file, LineParser parser, ArchiveReader reader) {
        long[] found = {Event.NO_TIME};
        int[] seen = {0};
        LineSink sink = line -> {
            Event e = parser.parse(line, ParseErrorSink.IGNORE);
            if (e != null && e.hasTimestamp()) {
                found[0] = e.timestampMillis();
                throw Stop.INSTANCE;
            }
            if (++seen[0] >= MAX_LINES) {
                throw Stop.INSTANCE;
            }
        };
        try {
            reader.read(file, sink);
        } catch (Stop | IOException stopped) {
            // Stop: the head was enough. IOException: unreadable; the full read reports it.
        }
        return found[0];
    }

    private record Keyed(LogFile file, long time) {
        long sortTime() {
            return time == Event.NO_TIME ? Long.MAX_VALUE : time;
        }
    }

    /** Ends a head read early; thrown through {@link ArchiveReader}, which closes the file. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
