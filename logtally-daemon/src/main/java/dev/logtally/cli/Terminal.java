package dev.logtally.cli;

import dev.logtally.archive.Progress;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code replay}, {@code trace} and {@code errors} share at the terminal: whether stderr is one, the
 * progress display chosen once from that, their UTF-8 stdout, and the ending (one line per problem on
 * stderr, then the exit code: 0, or 1 when a file could not be read whole). The engines in
 * {@code archive/} return records; only this layer prints.
 *
 * <p>Progress is shown only on a terminal (or with {@code --progress}). Java 17 has no portable test for
 * stderr alone ({@code System.console()} looks at stdin and stdout), so this reads where Linux's
 * {@code /proc/self/fd/2} points: a terminal is {@code /dev/pts/N} or {@code /dev/tty*}. Elsewhere it
 * answers false.
 *
 * <pre>{@code
 * try (Progress progress = Terminal.progress(progressFlag, System.err, "trace")) {
 *     result = new Trace(options, threads).run(id, files, progress);
 * }
 * return Terminal.finish(result.problems(), System.err);
 * }</pre>
 */
public final class Terminal {
    private Terminal() {
    }

    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A progress bar on {@code err} when asked for or when stderr is a terminal; else none. */
    public static Progress progress(boolean asked, PrintStream err, String task) {
        return asked || stderrIsTerminal() ? new ProgressBar(err, task) : Progress.NONE;
    }

    /**
     * The tools' stdout: UTF-8 whatever the locale (their JSON must be UTF-8, and a log's text is),
     * buffered; the tools flush it.
     */
    public static PrintStream stdout() {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
    }

    /** Prints each note (a file left out, and why) as one line on {@code err}, before the reading. */
    public static void notes(List<String> notes, PrintStream err) {
        for (String n : notes) {
            err.println("logtally: " + n);
        }
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
