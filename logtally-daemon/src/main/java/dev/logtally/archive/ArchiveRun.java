package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.config.Options;
import java.io.PrintStream;
import java.util.List;

/**
 * What {@code replay}, {@code trace} and {@code errors} (and the issues page's breadcrumbs) share before
 * their engines run: turning {@code PATH} arguments into ordered log files. Showing progress and the
 * problems at the end is the terminal's job ({@code cli.Terminal}).
 *
 * <pre>{@code
 * List<LogFile> files = ArchiveRun.files(paths, options, err);
 * Trace.Result r = new Trace(options, threads).run(id, files, Progress.NONE);
 * }</pre>
 */
public final class ArchiveRun {
    private ArchiveRun() {
    }

    /**
     * The log files {@code paths} name, oldest first ({@link FirstEvents}, {@link dev.logtally.source.FileOrder}); notes on skipped files go to
     * {@code err}. Throws {@link dev.logtally.base.ConfigException} for a path that names no log file.
     */
    public static List<LogFile> files(List<String> paths, Options options, PrintStream err) {
        LogInputs.Expanded in = LogInputs.expand(paths);
        for (String note : in.notes()) {
            err.println("logtally: " + note);
        }
        return FirstEvents.oldestFirst(in.files(), Pipeline.parserOptions(options), options.lineMaxBytes());
    }
}
