package dev.logtally.archive;

import dev.logtally.testing.Project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Shared by the archive tools' tests (in {@code archive} and, for the terminal layer, {@code cli}): options, log files, captured output, golden files. */
public final class Fixtures {
    public static final String NS = "loka_stratum";
    public static final List<String> SAMPLE_GAUGES = List.of("active_connections", "message_queue_size", "pool_connected",
            "memory_used_bytes");
    /** A fixed "now" well after the sample logs (2026-11-24T13:24:54Z to 13:26:53Z). */
    public static final Clock LATER = Clock.fixed(Instant.parse("2026-11-24T15:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    /** Options as the samples need them, plus {@code extra} keys. */
    /**
     * The shipped samples' configuration file (samples/logtally.properties, the one the README's first
     * command uses) plus {@code extra} flags as key, value pairs.
     */
    public static Options options(String... extra) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < extra.length; i += 2) {
            flags.put(extra[i], extra[i + 1]);
        }
        return OptionsLoader.load(sampleConfig(), flags, Map.of());
    }

    public static Path sampleConfig() {
        return Project.dir().resolve("samples/logtally.properties");
    }

    public static Path sampleDir() {
        return Project.dir().resolve("samples/logs");
    }

    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path gzip(Path file, String content) {
        return gzip(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path gzip(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log line with these fields ({@code key, value} pairs; values already JSON: quote strings yourself). */
    public static String line(String... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(kv[i]).append("\":").append(kv[i + 1]);
        }
        return sb.append("}\n").toString();
    }

    public static String q(String s) {
        return '"' + s + '"';
    }

    /** Output streams of one tool run, and its exit code. */
    public static final class Run {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        int code = -1;

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Compares {@code actual} with {@code src/test/resources/archive/NAME}; with
     * {@code -Dlogtally.golden.update=true} rewrites the file instead (review the diff before committing).
     */
    public static void golden(String name, String actual) {
        Path file = Project.module().resolve("src/test/resources/archive").resolve(name);
        if (Boolean.getBoolean("logtally.golden.update")) {
            write(file, actual);
            return;
        }
        try (InputStream in = Fixtures.class.getResourceAsStream("/archive/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file archive/" + name + " (run once with -Dlogtally.golden.update=true)");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "golden file archive/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
