package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.config.Options;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.Line;
import dev.logtally.source.LineSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * {@code logtally trace}'s engine: every event of one correlation ID across plain, rotated and
 * {@code .gz} files, in time order. Files are read in parallel; in each line the ID is first looked for
 * in the raw bytes ({@link ByteNeedle}), and only a line that holds it is parsed (with every text field:
 * message, logger, thread, stack trace) and kept if its {@code correlation_id} is exactly the ID.
 *
 * <pre>{@code
 * Trace.Result r = new Trace(options, 2).run("a56f7570fa42cebec53d3c4bb3b93303", files, Progress.NONE);
 * r.events();   // drawn by cli.TraceText / cli.TraceJson
 * }</pre>
 */
public final class Trace {
    private final ParserOptions parserOptions;
    private final int lineMaxBytes;
    private final int threads;
    private final ThreadFactory threadFactory;

    public Trace(Options options, int threads) {
        this(options, threads, ArchiveScan.READ_THREADS);
    }

    /** A trace reading on threads from {@code threadFactory} (the issues page's are of low priority). */
    public Trace(Options options, int threads, ThreadFactory threadFactory) {
        this.parserOptions = Pipeline.fullParserOptions(options);
        this.lineMaxBytes = options.lineMaxBytes();
        this.threads = threads;
        this.threadFactory = threadFactory;
    }

    /**
     * What a trace found.
     *
     * @param events   the ID's events, in time order
     * @param problems one line per unreadable or damaged file
     * @param lines    lines read
     * @param parsed   lines that held the needle and were parsed
     * @param found    events of the ID found, also those left out past a limit
     * @param cached   files whose result came from the {@link TraceCache} (not read again)
     */
    public record Result(List<TracedEvent> events, List<String> problems, long lines, long parsed, long found,
                         int cached) {
        /** True when more events were found than {@link #events()} holds. */
        public boolean truncated() {
            return found > events.size();
        }
    }

    public Result run(String id, List<LogFile> files, Progress progress) {
        return run(id, files, progress, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(String, List, Progress)}, keeping at most {@code maxEvents} events: each file keeps its
     * first {@code maxEvents} while reading (a log is written in time order, so they are its earliest), so
     * memory stays bounded whatever the ID matches, and of those the earliest {@code maxEvents} are kept.
     */
    public Result run(String id, List<LogFile> files, Progress progress, int maxEvents) {
        return run(id, files, progress, maxEvents, null);
    }

    /**
     * As {@link #run(String, List, Progress, int)}, taking each file's result from {@code cache} when it
     * holds one for the file as it is now (see {@link TraceCache}), reading only the other files, and
     * storing what they held. The result is the one a reading of every file would give; {@code cache} may
     * be null (read everything).
     */
    public Result run(String id, List<LogFile> files, Progress progress, int maxEvents, TraceCache cache) {
        ByteNeedle needle = ByteNeedle.forId(id);
        List<TraceCache.FileTrace> known = new ArrayList<>(files.size());
        List<TraceCache.FileId> before = new ArrayList<>(files.size());
        List<LogFile> unread = new ArrayList<>();
        List<Integer> unreadAt = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            TraceCache.FileId fid = cache == null ? null : TraceCache.id(files.get(i).path());
            TraceCache.FileTrace hit = fid == null ? null : cache.get(fid, id, maxEvents);
            known.add(hit);
            before.add(fid);
            if (hit == null) {
                unread.add(files.get(i));
                unreadAt.add(i);
            }
        }
        ArchiveScan.Scan<Found> scan = new ArchiveScan(threads, lineMaxBytes, progress, threadFactory).run(unread,
                (f, i) -> new TraceJob(id, needle, new LineParser(parserOptions), f.display(), unreadAt.get(i), maxEvents));
        List<TracedEvent> events = new ArrayList<>();
        long parsed = 0;
        long matched = 0;
        for (int k = 0; k < unread.size(); k++) {
            Found found = scan.results().get(k);
            events.addAll(found.events);
            parsed += found.parsed;
            matched += found.matched;
            int i = unreadAt.get(k);
            if (cache != null && found.clean && before.get(i) != null && before.get(i).equals(TraceCache.id(files.get(i).path()))) {
                cache.put(before.get(i), id, new TraceCache.FileTrace(found.events, maxEvents, found.lines, found.parsed,
                        found.matched));
            }
        }
        int cached = 0;
        for (int i = 0; i < files.size(); i++) {
            TraceCache.FileTrace hit = known.get(i);
            if (hit != null) {
                cached++;
                matched += hit.matched();
                String display = files.get(i).display();
                for (TracedEvent t : hit.events()) {
                    events.add(new TracedEvent(t.event(), display, t.offset(), i));
                }
            }
        }
        events.sort(TracedEvent.IN_TIME_ORDER);
        List<TracedEvent> kept = events.size() > maxEvents ? new ArrayList<>(events.subList(0, maxEvents)) : events;
        return new Result(kept, scan.problems(), scan.lines(), parsed, matched, cached);
    }

    /** One file's events of the ID; {@code clean}: read whole, without damage. */
    private record Found(List<TracedEvent> events, long parsed, long matched, long lines, boolean clean) {
    }

    /** Finds the ID's events in one file. */
    private static final class TraceJob implements FileJob<Found>, LineSink {
        private final String id;
        private final ByteNeedle needle;
        private final LineParser parser;
        private final String file;
        private final int fileIndex;
        private final int maxEvents;
        private final List<TracedEvent> found = new ArrayList<>();
        private long parsed;
        private long matched;

        TraceJob(String id, ByteNeedle needle, LineParser parser, String file, int fileIndex, int maxEvents) {
            this.id = id;
            this.needle = needle;
            this.parser = parser;
            this.file = file;
            this.fileIndex = fileIndex;
            this.maxEvents = maxEvents;
        }

        @Override
        public void accept(Line line) {
            int start = line.start();
            if (line.oversized() || !needle.in(line.buf(), start, start + line.length())) {
                return;
            }
            parsed++;
            Event e = parser.parse(line, ParseErrorSink.IGNORE);
            if (e != null && id.equals(e.correlationId())) {
                matched++;
                if (found.size() < maxEvents) {
                    found.add(new TracedEvent(e, file, line.offset(), fileIndex));
                }
            }
        }

        @Override
        public LineSink sink() {
            return this;
        }

        @Override
        public Found finish(ArchiveReader.Result result) {
            return new Found(found, parsed, matched, result == null ? 0 : result.lines(),
                    result != null && result.damage() == null);
        }
    }
}
