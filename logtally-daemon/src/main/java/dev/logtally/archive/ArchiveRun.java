package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.config.Options;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@code replay}, {@code trace} and {@code errors} share around their engines: turning {@code PATH}
 * arguments into ordered log files, choosing the progress display once, and ending with one line per
 * problem on stderr and the exit code (0, or 1 when a file could not be read whole).
 *
 * <pre>{@code
 * List<LogFile> files = ArchiveRun.files(paths, options, err);
 * Progress progress = ArchiveRun.progress(progressFlag, err, "trace");
 * ...
 * return ArchiveRun.finish(result.problems(), err);
 * }</pre>
 */
public final class ArchiveRun {
    private ArchiveRun() {
    }

    /**
     * The log files {@code paths} name, oldest first ({@link FileOrder}); notes on skipped files go to
     * {@code err}. Throws {@link dev.logtally.base.ConfigException} for a path that names no log file.
     */
    public static List<LogFile> files(List<String> paths, Options options, PrintStream err) {
        LogInputs.Expanded in = LogInputs.expand(paths);
        for (String note : in.notes()) {
            err.println("logtally: " + note);
        }
        return FileOrder.byFirstEvent(in.files(), Pipeline.parserOptions(options), options.lineMaxBytes());
    }

    /** A progress bar on {@code err} when asked for or when stderr is a terminal; else none. */
    public static Progress progress(boolean asked, PrintStream err, String task) {
        return asked || Terminal.stderrIsTerminal() ? new ProgressBar(err, task) : Progress.NONE;
    }

    /**
     * The tools' stdout: UTF-8 whatever the locale (their JSON must be UTF-8, and a log's text is),
     * buffered; the tools flush it.
     */
    public static PrintStream stdout() {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
    }

    /** Prints each problem as one line on {@code err}; the exit code: 1 when there was any, else 0. */
    public static int finish(List<String> problems, PrintStream err) {
        for (String p : problems) {
            err.println("logtally: " + p);
        }
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }
}
