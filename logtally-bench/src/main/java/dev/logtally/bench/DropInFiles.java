package dev.logtally.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * File chores of the drop-in benchmarks after a run, none on the measured path: wait for Logback's
 * background compressions, count the lines written, read the last one, delete the directory.
 *
 * <pre>{@code
 * DropInFiles.awaitCompressed(dir, "app", Duration.ofSeconds(60));
 * long lines = DropInFiles.countLines(dir).lines();
 * DropInFiles.delete(dir);
 * }</pre>
 */
public final class DropInFiles {
    private static final int TAIL_BYTES = 8192;

    private DropInFiles() {
    }

    /** Lines in all files of a directory ({@code .gz} ones decompressed), and which files they were. */
    public record Count(long lines, int files, String names) {
    }

    /**
     * Waits until every file beside {@code <stem>.log} is a finished {@code .gz} archive: plain Logback's
     * rolling appender stops without waiting for earlier compressions (the drop-in's waits for all).
     *
     * @throws IllegalStateException if an uncompressed archive is still there after {@code max}
     */
    public static void awaitCompressed(Path dir, String stem, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        List<String> pending;
        while (!(pending = names(dir).stream()
                .filter(n -> !n.equals(stem + ".log") && !n.endsWith(".gz"))
                .collect(Collectors.toList())).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(dir + ": still uncompressed after " + max.toSeconds() + " s: " + pending);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Counts {@code \n} bytes in every file of {@code dir}. */
    public static Count countLines(Path dir) {
        List<String> names = names(dir);
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        for (String name : names) {
            Path p = dir.resolve(name);
            try (InputStream raw = Files.newInputStream(p);
                 InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
        return new Count(lines, names.size(), String.join(", ", abbreviate(names)));
    }

    /** The last complete line of {@code file}, without its {@code \n}. */
    public static String lastLine(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, TAIL_BYTES);
            byte[] tail = new byte[n];
            f.seek(length - n);
            f.readFully(tail);
            if (n == 0 || tail[n - 1] != '\n') {
                throw new IllegalStateException(file + " does not end with a complete line");
            }
            int start = n - 1;
            while (start > 0 && tail[start - 1] != '\n') {
                start--;
            }
            return new String(tail, start, n - 1 - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Deletes {@code dir} and everything in it; a failure is reported on stderr, not thrown. */
    public static void delete(Path dir) {
        try {
            TempDirs.delete(dir);
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause());
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The first and last names of a long list. */
    private static List<String> abbreviate(List<String> names) {
        return names.size() <= 3 ? names : List.of(names.get(0), "...", names.get(names.size() - 1));
    }
}
