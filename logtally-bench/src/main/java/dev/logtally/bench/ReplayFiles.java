package dev.logtally.bench;

import dev.logtally.source.Line;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The archive benchmarks' input: {@value #LINES} logstash-shaped lines ({@link ParseLines}: ~440 bytes,
 * ~5% errors with 1–2 KB stack traces) in {@value #FILES} files, once plain and once gzip-compressed (the
 * JDK's default level, as Logback's compressor writes them). Made once under {@code target/bench-archive}
 * and reused while the marker file is there. One line of the middle file carries a known correlation ID
 * ({@value #TRACED}) for the trace benchmark.
 *
 * <pre>{@code
 * List<Path> plain = ReplayFiles.plain();
 * List<Path> gz = ReplayFiles.gzip();
 * }</pre>
 */
final class ReplayFiles {
    static final int LINES = 2_000_000;
    static final int FILES = 4;
    static final int CHUNK = 50_000;
    static final String TRACED = "7f3c2a10-7ace-4e00-8000-000000000042";
    static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench-archive"));

    private ReplayFiles() {
    }

    static synchronized List<Path> plain() {
        make();
        return list("app.%d.log");
    }

    static synchronized List<Path> gzip() {
        make();
        return list("app.%d.log.gz");
    }

    private static List<Path> list(String pattern) {
        List<Path> out = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            out.add(DIR.resolve(String.format(pattern, f)));
        }
        return out;
    }

    private static void make() {
        Path done = DIR.resolve("done-" + LINES + "-" + FILES);
        if (Files.exists(done)) {
            return;
        }
        try {
            Files.createDirectories(DIR);
            int perFile = LINES / FILES;
            long seed = 20261124L;
            for (int f = 0; f < FILES; f++) {
                try (OutputStream plain = Files.newOutputStream(DIR.resolve("app." + f + ".log"));
                     OutputStream gz = new GZIPOutputStream(Files.newOutputStream(DIR.resolve("app." + f + ".log.gz")), 1 << 16)) {
                    for (int written = 0; written < perFile; written += CHUNK) {
                        byte[] chunk = chunk(Math.min(CHUNK, perFile - written), seed++, f == FILES / 2 && written == 0);
                        plain.write(chunk);
                        gz.write(chunk);
                    }
                }
            }
            Files.writeString(done, "ok\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} lines back to back; with {@code traced}, line 1000 carries {@link #TRACED}. */
    private static byte[] chunk(int n, long seed, boolean traced) {
        Line[] lines = ParseLines.generate(n, seed).lines();
        Line last = lines[n - 1];
        byte[] bytes = java.util.Arrays.copyOf(last.buf(), (int) last.end());
        if (!traced) {
            return bytes;
        }
        // Replace the correlation ID of line 1000 (a UUID of the same length) with the traced one.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int lineStart = (int) lines[1000].offset();
        int at = text.indexOf("\"correlation_id\":\"", lineStart) + 18;
        return (text.substring(0, at) + TRACED + text.substring(at + TRACED.length())).getBytes(StandardCharsets.UTF_8);
    }
}
