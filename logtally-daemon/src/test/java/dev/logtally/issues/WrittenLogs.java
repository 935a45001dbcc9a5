package dev.logtally.issues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sample service wrote, read back by the test on its own (Jackson's tree model, not logtally's
 * parser): every line of every file of a log directory, plain and {@code .gz}, to compute the groups the
 * issues page must show and the breadcrumbs of a correlation ID.
 *
 * <pre>{@code
 * WrittenLogs logs = WrittenLogs.read(logDir);
 * Map<String, Long> expected = logs.groupCounts();    // "connection_timeout 3dde25fd" -> 9
 * }</pre>
 */
final class WrittenLogs {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line: the file it is in and its fields. */
    record Written(String file, JsonNode fields) {
        String text(String name) {
            JsonNode n = fields.get(name);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    private final List<Written> lines;

    private WrittenLogs(List<Written> lines) {
        this.lines = lines;
    }

    static WrittenLogs read(Path dir) {
        List<Written> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".log") && !name.endsWith(".log.gz")) {
                    continue;
                }
                try (InputStream raw = Files.newInputStream(f);
                     InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (!line.isBlank()) {
                            out.add(new Written(name, JSON.readTree(line)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WrittenLogs(out);
    }

    /** Error events per group, keyed {@code "<error type> <stack hash>"}; the error type as the contract defines it. */
    Map<String, Long> groupCounts() {
        Map<String, Long> m = new TreeMap<>();
        for (Written w : lines) {
            if ("ERROR".equals(w.text("level"))) {
                String hash = w.text("stack_hash");
                m.merge(errorType(w) + " " + (hash == null ? "" : hash), 1L, Long::sum);
            }
        }
        return m;
    }

    /** Error events per error type. */
    Map<String, Long> typeCounts() {
        Map<String, Long> m = new TreeMap<>();
        groupCounts().forEach((k, v) -> m.merge(k.substring(0, k.indexOf(' ')), v, Long::sum));
        return m;
    }

    /** The {@code error_type} field, else the simple class name heading the stack trace, else {@code unknown}. */
    private static String errorType(Written w) {
        String t = w.text("error_type");
        if (t != null) {
            return t;
        }
        String stack = w.text("stack_trace");
        if (stack == null || stack.isBlank()) {
            return "unknown";
        }
        String head = stack.lines().findFirst().orElse("");
        int colon = head.indexOf(':');
        String cls = (colon < 0 ? head : head.substring(0, colon)).trim();
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The lines of {@code correlationId}. */
    List<Written> of(String correlationId) {
        return lines.stream().filter(w -> correlationId.equals(w.text("correlation_id"))).toList();
    }

    /** The correlation IDs of the error events of one group: its error type and stack hash (empty: none). */
    java.util.Set<String> errorIds(String errorType, String stackHash) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Written w : lines) {
            String hash = w.text("stack_hash");
            if ("ERROR".equals(w.text("level")) && errorType.equals(errorType(w))
                    && stackHash.equals(hash == null ? "" : hash) && w.text("correlation_id") != null) {
                out.add(w.text("correlation_id"));
            }
        }
        return out;
    }

    long errors() {
        return lines.stream().filter(w -> "ERROR".equals(w.text("level"))).count();
    }
}
