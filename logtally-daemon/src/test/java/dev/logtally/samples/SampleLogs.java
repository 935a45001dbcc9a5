package dev.logtally.samples;

import dev.logtally.testing.Project;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** Reads a log file of the drop-in, gunzipping {@code .gz}; every line must end in {@code \n}. */
final class SampleLogs {
    private SampleLogs() {
    }

    static List<String> read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] all = in.readAllBytes();
            if (all.length > 0 && all[all.length - 1] != '\n') {
                throw new AssertionError(file + " does not end with \\n");
            }
            return new String(all, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static Path dir() {
        return Project.dir().resolve("samples/logs");
    }
}
