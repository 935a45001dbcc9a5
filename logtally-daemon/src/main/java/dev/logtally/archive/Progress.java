package dev.logtally.archive;

import dev.logtally.source.LineSink;
import java.util.List;

/**
 * Tells how far a reading of log files has come. Chosen once before reading: {@link #NONE} when stderr is
 * not a terminal and {@code --progress} was not given, so the per-line path then has no progress code at
 * all; otherwise a progress bar on stderr ({@code cli.ProgressBar}, chosen by {@code cli.Terminal}).
 *
 * <pre>{@code
 * try (Progress progress = Progress.NONE) {
 *     progress.start(files);
 *     LineSink sink = progress.track(pipeline);   // pipeline itself for NONE
 *     reader.read(file.path(), sink);
 *     progress.fileDone(file);
 * }
 * }</pre>
 */
public interface Progress extends AutoCloseable {

    /** No progress shown: {@link #track} returns the sink unchanged. */
    Progress NONE = new Progress() {
        @Override
        public void start(List<LogFile> files) {
        }

        @Override
        public LineSink track(LineSink sink) {
            return sink;
        }

        @Override
        public void fileDone(LogFile file) {
        }

        @Override
        public void close() {
        }
    };

    /** The reading of {@code files} begins. */
    void start(List<LogFile> files);

    /** A sink that passes every line of one file on to {@code sink} and counts it; called once per file. */
    LineSink track(LineSink sink);

    /** {@code file} was read to its end (or as far as it could be). */
    void fileDone(LogFile file);

    /** The reading is over: the last state is shown and the display released. */
    @Override
    void close();
}
