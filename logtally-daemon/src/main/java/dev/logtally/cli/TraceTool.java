package dev.logtally.cli;

import dev.logtally.archive.ArchiveRun;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Trace;
import dev.logtally.base.ConfigException;
import dev.logtally.config.Options;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code logtally trace} from parsed arguments to exit code: the events of one correlation ID in time
 * order, as an aligned terminal listing ({@link TraceText}) or JSON lines ({@link TraceJson}). No event
 * found is not a failure (exit 0), but stderr says so; unreadable or damaged files are named on stderr
 * and make the exit code 1.
 *
 * <pre>{@code
 * int code = TraceTool.run(new TraceTool.Request(id, List.of("logs"), options, false, 2, false),
 *         System.out, System.err);
 * }</pre>
 */
public final class TraceTool {
    /** Exit code when no event has the ID: a runtime failure (1), told in one line. */
    public static final int NOTHING_FOUND = 1;

    private TraceTool() {
    }

    /**
     * @param id       the correlation ID
     * @param paths    files, directories and globs
     * @param options  the configuration (field names, line cap)
     * @param json     JSON lines instead of the terminal listing
     * @param threads  reading threads
     * @param progress show progress even when stderr is not a terminal
     */
    public record Request(String id, List<String> paths, Options options, boolean json, int threads, boolean progress) {
    }

    public static int run(Request r, PrintStream out, PrintStream err) {
        if (r.id() == null || r.id().isEmpty()) {
            throw new ConfigException("CORRELATION_ID", "must not be empty");
        }
        ArchiveRun.Inputs in = ArchiveRun.inputs(r.paths(), r.options());
        Terminal.notes(in.notes(), err);
        List<LogFile> files = in.files();
        Trace.Result result;
        try (Progress progress = Terminal.progress(r.progress(), err, "trace")) {
            result = new Trace(r.options(), r.threads()).run(r.id(), files, progress);
        }
        out.print(r.json() ? TraceJson.render(result.events()) : TraceText.render(result.events()));
        out.flush();
        if (result.events().isEmpty()) {
            err.println("logtally: no event with correlation_id '" + r.id() + "' in " + files.size()
                    + (files.size() == 1 ? " file (" : " files (") + result.lines() + " lines)");
            Terminal.finish(result.problems(), err);
            return NOTHING_FOUND;
        }
        return Terminal.finish(result.problems(), err);
    }
}
