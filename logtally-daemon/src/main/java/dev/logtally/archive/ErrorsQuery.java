package dev.logtally.archive;

import dev.logtally.config.Options;
import java.time.Clock;
import java.util.List;

/**
 * The error groups of some log files within a time window: what {@code logtally errors} prints and what
 * {@code errors --serve} serves as the issues page. Checks {@code --since}/{@code --until} ({@link TimeArg}),
 * orders the files ({@link ArchiveRun}), then runs {@link Errors}; it returns records and prints nothing,
 * so that the table, the JSON and the page are each drawn by their own layer.
 *
 * <pre>{@code
 * ErrorsQuery.Ready q = ErrorsQuery.prepare(new ErrorsQuery.Request(List.of("logs"), options, "2h", null, 2),
 *         Clock.systemUTC());
 * q.notes().forEach(n -> System.err.println("logtally: " + n));
 * Errors.Result r = q.run(Progress.NONE);
 * }</pre>
 */
public final class ErrorsQuery {
    private ErrorsQuery() {
    }

    /**
     * @param paths   files, directories and globs
     * @param options the configuration (field names, error levels, line cap)
     * @param since   {@code --since} as given, or null
     * @param until   {@code --until} as given, or null
     * @param threads reading threads
     */
    public record Request(List<String> paths, Options options, String since, String until, int threads) {
    }

    /**
     * A checked query, ready to read: its window in epoch milliseconds ({@link Errors#NO_LIMIT} when open),
     * its files oldest first, and the notes on files left out, for the caller to show before reading.
     */
    public record Ready(Options options, int threads, long since, long until, List<LogFile> files, List<String> notes) {
        public Ready {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }

        /** Reads the files into error groups, telling {@code progress} how far it has come. */
        public Errors.Result run(Progress progress) {
            return new Errors(options, threads, since, until).run(files, progress);
        }
    }

    /**
     * Checks the time window ({@code now} from {@code clock}) and expands the paths.
     *
     * @throws dev.logtally.base.ConfigException for a bad window or a path naming no log file
     */
    public static Ready prepare(Request r, Clock clock) {
        long since = r.since() == null ? Errors.NO_LIMIT : TimeArg.parse("--since", r.since(), clock);
        long until = r.until() == null ? Errors.NO_LIMIT : TimeArg.parse("--until", r.until(), clock);
        TimeArg.checkRange(since, until);
        ArchiveRun.Inputs in = ArchiveRun.inputs(r.paths(), r.options());
        return new Ready(r.options(), r.threads(), since, until, in.files(), in.notes());
    }
}
