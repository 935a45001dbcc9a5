package dev.logtally.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal, for the contract's rule that progress is shown only on a terminal (or
 * with {@code --progress}). Java 17 has no portable test for stderr alone ({@code System.console()} looks at
 * stdin and stdout), so this reads where Linux's {@code /proc/self/fd/2} points: a terminal is
 * {@code /dev/pts/N} or {@code /dev/tty*}. Elsewhere it answers false.
 *
 * <pre>{@code
 * Progress p = progressFlag || Terminal.stderrIsTerminal() ? new ProgressBar(System.err, "replay") : Progress.NONE;
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
}
