package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.archive.Errors;
import dev.logtally.archive.ErrorsQuery;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.base.HostPort;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code logtally errors PATH... --serve HOST:PORT}: the error groups of the archives (with
 * {@code --since}/{@code --until}) served as the issues page, read-only, with the breadcrumbs of a sample
 * traced over the same files ({@link ErrorsQuery} reads them; the caller chooses the progress display). The
 * caller keeps it open until it is told to stop.
 *
 * <pre>{@code
 * try (IssuesServe.Running r = IssuesServe.start(query, () -> Progress.NONE, HostPort.parse("--serve", "127.0.0.1:9465"), System.err, Clock.systemUTC())) {
 *     waitForCtrlC();
 * }
 * }</pre>
 */
public final class IssuesServe {
    /** Longest a sample's trace reads. */
    public static final Duration TRACE_TIME_LIMIT = Duration.ofSeconds(10);
    /** Events a trace keeps. */
    public static final int TRACE_MAX_EVENTS = 1000;

    private IssuesServe() {
    }

    /** The server and what it holds, closed together. */
    public record Running(IssuesServer server, Breadcrumbs breadcrumbs, int issues, int files) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            breadcrumbs.close();
        }
    }

    public static Running start(ErrorsQuery.Request r, Supplier<Progress> progress, HostPort at, PrintStream err,
                                Clock clock) {
        ErrorsQuery.Ready query = ErrorsQuery.prepare(r, clock);
        query.notes().forEach(n -> err.println("logtally: " + n));
        Errors.Result result;
        try (Progress p = progress.get()) {
            result = query.run(p);
        }
        result.problems().forEach(p -> err.println("logtally: " + p));
        List<LogFile> files = query.files();
        ErrorGroupIndex index = result.index();
        Breadcrumbs crumbs = new Breadcrumbs(r.options(), () -> files, TRACE_TIME_LIMIT, TRACE_MAX_EVENTS, 1);
        IssuesHttp http = new IssuesHttp(() -> index, null, crumbs, Optional.empty(), r.options().issues().remote(),
                r.options().errorLevels(),
                "Read-only: these issues come from archives (logtally errors --serve); a status lives in a tailer's checkpoint.");
        try {
            return new Running(IssuesServer.start(at, http), crumbs, index.groups().size(), files.size());
        } catch (RuntimeException e) {
            crumbs.close();
            throw e;
        }
    }
}
