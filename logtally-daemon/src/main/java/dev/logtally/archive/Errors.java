package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.config.Options;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.Line;
import dev.logtally.source.LineSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code logtally errors}' engine: Sentry-like groups of the error events (levels {@code error.levels}) in
 * plain, rotated and {@code .gz} files, keyed by {@code error_type} and {@code stack_hash}. The error type is
 * what {@code NS_errors_total} counts under: the {@code error_type} field, else the simple class name of the
 * stack trace's exception, else {@code unknown}.
 *
 * <p>Files are read in parallel, each into its own groups, merged in the files' order. Within a file, the
 * last timed event ({@code method}) of each correlation ID is remembered (the {@value #RECENT_IDS} most
 * recent IDs), so that an error event without a {@code method} of its own is put down to the call its
 * request was last seen making.
 *
 * <p>{@code since} is inclusive, {@code until} exclusive; with either, events without a time are left out.
 *
 * <pre>{@code
 * Errors.Result r = new Errors(options, 2, Errors.NO_LIMIT, Errors.NO_LIMIT).run(files, Progress.NONE);
 * r.groups();   // drawn by cli.ErrorsTable / cli.ErrorsJson
 * }</pre>
 */
public final class Errors {
    /** No {@code since} / {@code until}. */
    public static final long NO_LIMIT = Event.NO_TIME;
    /** Correlation IDs whose last timed method is remembered, per file. */
    static final int RECENT_IDS = 16_384;

    private final ParserOptions parserOptions;
    private final List<String> levels;
    private final int lineMaxBytes;
    private final int threads;
    private final long since;
    private final long until;

    /**
     * @param since first event time included (epoch ms), or {@link #NO_LIMIT}
     * @param until first event time excluded (epoch ms), or {@link #NO_LIMIT}
     */
    public Errors(Options options, int threads, long since, long until) {
        this.parserOptions = Pipeline.fullParserOptions(options);
        this.levels = options.metrics().errorLevels();
        this.lineMaxBytes = options.lineMaxBytes();
        this.threads = threads;
        this.since = since;
        this.until = until;
    }

    /**
     * What was found.
     *
     * @param groups   every group, most events first ({@link ErrorGroupView#MOST_FIRST})
     * @param events   error events counted (in the time range)
     * @param problems one line per unreadable or damaged file
     * @param lines    lines read
     */
    public record Result(List<ErrorGroupView> groups, long events, List<String> problems, long lines) {
        public Result {
            groups = List.copyOf(groups);
        }

        /** The groups as a read-only {@link dev.logtally.aggregate.ErrorGroupsView} (by fingerprint too). */
        public ErrorGroupIndex index() {
            return ErrorGroupIndex.of(groups, 0);
        }
    }

    public Result run(List<LogFile> files, Progress progress) {
        ArchiveScan.Scan<ErrorGroups> scan = new ArchiveScan(threads, lineMaxBytes, progress)
                .run(files, (f, i) -> new ErrorsJob(i));
        ErrorGroups all = ErrorGroups.archive(levels);
        for (ErrorGroups part : scan.results()) {
            all.merge(part);
        }
        ErrorGroupIndex index = all.index();
        long events = 0;
        for (ErrorGroupView g : index.groups()) {
            events += g.count();
        }
        return new Result(index.groups(), events, scan.problems(), scan.lines());
    }

    /** Groups one file's error events. */
    private final class ErrorsJob implements FileJob<ErrorGroups>, LineSink {
        private final LineParser parser = new LineParser(parserOptions);
        private final ErrorGroups groups = ErrorGroups.archive(levels);
        private final Map<String, String> lastMethod = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RECENT_IDS;
            }
        };
        private final int fileIndex;

        ErrorsJob(int fileIndex) {
            this.fileIndex = fileIndex;
        }

        @Override
        public void accept(Line line) {
            Event e = parser.parse(line, ParseErrorSink.IGNORE);
            if (e == null) {
                return;
            }
            String cid = e.correlationId();
            if (!groups.isError(e)) {
                if (e.method() != null && cid != null) {
                    lastMethod.put(cid, e.method());
                }
                return;
            }
            if (!inRange(e.timestampMillis())) {
                return;
            }
            String method = e.method() != null ? e.method() : cid == null ? null : lastMethod.get(cid);
            groups.add(e, method, fileIndex, line.offset());
        }

        private boolean inRange(long t) {
            if (since == NO_LIMIT && until == NO_LIMIT) {
                return true;
            }
            return t != Event.NO_TIME && (since == NO_LIMIT || t >= since) && (until == NO_LIMIT || t < until);
        }

        @Override
        public LineSink sink() {
            return this;
        }

        @Override
        public ErrorGroups finish(ArchiveReader.Result result) {
            return groups;
        }
    }
}
