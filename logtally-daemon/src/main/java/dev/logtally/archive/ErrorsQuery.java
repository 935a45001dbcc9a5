package dev.logtally.archive;

import dev.logtally.config.Options;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The error groups of some log files within a time window: what {@code logtally errors} prints and what
 * {@code errors --serve} serves as the issues page. Checks {@code --since}/{@code --until} ({@link TimeArg}),
 * orders the files ({@link ArchiveRun}) and runs {@link Errors}; it returns the files and the result and
 * prints nothing but the notes on skipped files, so that the table, the JSON and the page are each drawn
 * by their own layer.
 *
 * <pre>{@code
 * ErrorsQuery.Found found = ErrorsQuery.run(new ErrorsQuery.Request(List.of("logs"), options, "2h", null, 2),
 *         () -> Progress.NONE, System.err, Clock.systemUTC());
 * found.result().groups();
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

    /** The files read, oldest first, and the groups found in them. */
    public record Found(List<LogFile> files, Errors.Result result) {
        public Found {
            files = List.copyOf(files);
        }
    }

    /**
     * Checks the time window, expands the paths and reads them.
     *
     * @param progress the display, asked for once the arguments are known good
     * @throws dev.logtally.base.ConfigException for a bad window or a path naming no log file
     */
    public static Found run(Request r, Supplier<Progress> progress, PrintStream err, Clock clock) {
        long since = r.since() == null ? Errors.NO_LIMIT : TimeArg.parse("--since", r.since(), clock);
        long until = r.until() == null ? Errors.NO_LIMIT : TimeArg.parse("--until", r.until(), clock);
        TimeArg.checkRange(since, until);
        List<LogFile> files = ArchiveRun.files(r.paths(), r.options(), err);
        try (Progress p = progress.get()) {
            return new Found(files, new Errors(r.options(), r.threads(), since, until).run(files, p));
        }
    }
}
