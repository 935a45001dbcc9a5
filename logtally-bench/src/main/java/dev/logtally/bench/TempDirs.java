package dev.logtally.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the temporary directories the benchmarks write their logs and state into, so that a run leaves
 * nothing behind in {@code /tmp}: the one place every benchmark's tear-down deletes a tree.
 *
 * <pre>{@code
 * Path dir = Files.createTempDirectory("logtally-bench");
 * try { ... } finally { TempDirs.delete(dir); }
 * }</pre>
 */
final class TempDirs {
    private TempDirs() {
    }

    /** Deletes {@code dir} and everything in it; null or already gone is nothing to do. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark directory " + dir, e);
        }
    }
}
