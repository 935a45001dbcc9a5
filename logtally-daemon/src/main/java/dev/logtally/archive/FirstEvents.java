package dev.logtally.archive;

import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.FileOrder;
import dev.logtally.source.LineSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The time of each file's first event, for the one file order of the archive tools
 * ({@link FileOrder}, in {@code source}): only the head of each file is read, lines until the first event
 * with a {@code @timestamp}, at most {@value #MAX_LINES} lines, and the files are handed back as
 * {@link LogFile}s in that order.
 *
 * <pre>{@code
 * List<LogFile> ordered = FirstEvents.oldestFirst(paths, parserOptions, 1 << 20);
 * }</pre>
 */
public final class FirstEvents {
    /** How many lines of a file's head are looked at for a timed event. */
    static final int MAX_LINES = 1000;

    private FirstEvents() {
    }

    /** The files as {@link LogFile}s, oldest first ({@link FileOrder}). A file that cannot be read sorts as having no time. */
    public static List<LogFile> oldestFirst(List<Path> files, ParserOptions parserOptions, int maxLineBytes) {
        LineParser parser = new LineParser(parserOptions);
        ArchiveReader reader = new ArchiveReader(maxLineBytes);
        List<LogFile> out = new ArrayList<>(files.size());
        for (Path p : FileOrder.oldestFirst(files, f -> {
            long t = firstEventTime(f, parser, reader);
            return t == Event.NO_TIME ? FileOrder.NO_TIME : t;
        })) {
            out.add(LogFile.of(p));
        }
        return out;
    }

    /** Event time of the first timed event in the head of {@code file}, or {@link Event#NO_TIME} (= {@link FileOrder#NO_TIME}). */
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

    /** Ends a head read early; thrown through {@link ArchiveReader}, which closes the file. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INSTANCE = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }
}
