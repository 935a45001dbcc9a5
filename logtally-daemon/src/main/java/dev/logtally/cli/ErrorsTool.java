package dev.logtally.cli;

import dev.logtally.archive.Errors;
import dev.logtally.archive.ErrorsQuery;
import dev.logtally.archive.Progress;
import dev.logtally.base.ConfigException;
import dev.logtally.config.Options;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * {@code logtally errors} from parsed arguments to exit code: Sentry-like groups of the error events,
 * optionally within {@code --since}/{@code --until} (ISO-8601 or a duration back from the clock's now),
 * the {@code --top} N of them, as an aligned table ({@link ErrorsTable}) or JSON lines ({@link ErrorsJson}).
 * The reading is {@link ErrorsQuery}'s (the issues page's too); this class draws it.
 *
 * <pre>{@code
 * int code = ErrorsTool.run(new ErrorsTool.Request(List.of("logs"), options, "2h", null, 10, false, 2, false),
 *         System.out, System.err, Clock.systemUTC());
 * }</pre>
 */
public final class ErrorsTool {
    private ErrorsTool() {
    }

    /**
     * @param paths    files, directories and globs
     * @param options  the configuration (field names, error levels, line cap)
     * @param since    {@code --since} as given, or null
     * @param until    {@code --until} as given, or null
     * @param top      groups shown (0: all)
     * @param json     JSON lines instead of the table
     * @param threads  reading threads
     * @param progress show progress even when stderr is not a terminal
     */
    public record Request(List<String> paths, Options options, String since, String until, int top, boolean json,
                          int threads, boolean progress) {
        /** What to read, without how to show it. */
        public ErrorsQuery.Request query() {
            return new ErrorsQuery.Request(paths, options, since, until, threads);
        }
    }

    public static int run(Request r, PrintStream out, PrintStream err, Clock clock) {
        if (r.top() < 0) {
            throw new ConfigException("--top", "must be 0 (all) or more, not " + r.top());
        }
        ErrorsQuery.Ready query = ErrorsQuery.prepare(r.query(), clock);
        Terminal.notes(query.notes(), err);
        Errors.Result result;
        try (Progress progress = Terminal.progress(r.progress(), err, "errors")) {
            result = query.run(progress);
        }
        out.print(r.json() ? ErrorsJson.render(result, r.top()) : ErrorsTable.render(result, r.top(), r.paths()));
        out.flush();
        return Terminal.finish(result.problems(), err);
    }
}
