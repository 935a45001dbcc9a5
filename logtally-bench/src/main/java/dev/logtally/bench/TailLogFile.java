package dev.logtally.bench;

import dev.logtally.aggregate.MetricSnapshot;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A log file of {@link TailLines} written once, with the totals a correct tailer must reach reading it.
 *
 * <pre>{@code
 * TailLogFile f = TailLogFile.write(dir.resolve("app.log"), 100_000, 20261124L);
 * f.check(pipeline.snapshot());   // throws unless every total is exact
 * }</pre>
 */
public final class TailLogFile {
    private final Path file;
    private final TailLines lines;

    private TailLogFile(Path file, TailLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Writes {@code count} lines to {@code file} (replacing it). The same seed gives the same bytes. */
    public static TailLogFile write(Path file, int count, long seed) throws IOException {
        TailLines lines = new TailLines(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                out.write(lines.next());
            }
        }
        return new TailLogFile(file, lines);
    }

    public Path file() {
        return file;
    }

    public long lines() {
        return lines.lines();
    }

    public long bytes() {
        return lines.bytes();
    }

    /** One line describing the file, for the benchmark's output. */
    public String describe() {
        return lines.describe();
    }

    /** See {@link TailLines#check}. */
    public void check(MetricSnapshot s) {
        lines.check(s);
    }
}
