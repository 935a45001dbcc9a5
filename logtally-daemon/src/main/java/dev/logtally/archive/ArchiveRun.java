package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.config.Options;
import java.util.List;

/**
 * What {@code replay}, {@code trace} and {@code errors} (and the issues page's breadcrumbs) share before
 * their engines run: turning {@code PATH} arguments into ordered log files. Showing progress and the
 * problems at the end is the terminal's job ({@code cli.Terminal}).
 *
 * <pre>{@code
 * ArchiveRun.Inputs in = ArchiveRun.inputs(paths, options);
 * Trace.Result r = new Trace(options, threads).run(id, in.files(), Progress.NONE);
 * }</pre>
 */
public final class ArchiveRun {
    private ArchiveRun() {
    }

    /**
     * The log files {@code paths} name, oldest first ({@link FirstEvents}, {@link dev.logtally.source.FileOrder}),
     * and one note per file left out (a {@code .gz} still being compressed), for the caller to show.
     */
    public record Inputs(List<LogFile> files, List<String> notes) {
    }

    /** Expands and orders {@code paths}; throws {@link dev.logtally.base.ConfigException} for a path that names no log file. */
    public static Inputs inputs(List<String> paths, Options options) {
        LogInputs.Expanded in = LogInputs.expand(paths);
        return new Inputs(List.copyOf(FirstEvents.oldestFirst(in.files(), Pipeline.parserOptions(options),
                options.lineMaxBytes())), in.notes());
    }
}
