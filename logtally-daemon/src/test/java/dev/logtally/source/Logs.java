package dev.logtally.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** File operations of writers and rotators, done the way they do them, for tests. */
final class Logs {
    private Logs() {
    }

    static void append(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends each line with its {@code \n}. */
    static void lines(Path file, String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        append(file, sb.toString());
    }

    /** Lines {@code prefix-from} .. {@code prefix-(to-1)}, each padded to a recognisable length. */
    static List<String> numbered(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format("{\"seq\":\"%s-%06d\",\"message\":\"%s\"}", prefix, i, "m".repeat(i % 37)));
        }
        return out;
    }

    static void lines(Path file, List<String> lines) throws IOException {
        lines(file, lines.toArray(String[]::new));
    }

    static byte[] gzipBytes(byte[] content) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(content);
        }
        return bos.toByteArray();
    }

    /** Compresses {@code from} into {@code to} the way Logback does (straight into the final name). */
    static void gzip(Path from, Path to) throws IOException {
        Files.write(to, gzipBytes(Files.readAllBytes(from)));
    }

    /** Only the first {@code bytes} of the compressed form: a {@code .gz} still being written. */
    static void halfGzip(Path from, Path to, int bytes) throws IOException {
        byte[] full = gzipBytes(Files.readAllBytes(from));
        Files.write(to, Arrays.copyOf(full, Math.min(bytes, full.length)));
    }

    /** logrotate's copytruncate: copy, then cut the original to zero in place. */
    static void copyTruncate(Path file, Path copy) throws IOException {
        Files.copy(file, copy);
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }
}
