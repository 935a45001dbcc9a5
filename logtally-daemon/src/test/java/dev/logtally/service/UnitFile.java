package dev.logtally.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assignments of a systemd unit file, by section and key, in file order (a key may repeat). Enough of
 * the format for the project's own unit: comments, sections, {@code Key=value}; no line continuations.
 *
 * <pre>{@code
 * UnitFile unit = UnitFile.read(Path.of("systemd/logtally-tailer.service"));
 * unit.last("Service", "User");   // "logtally"
 * }</pre>
 */
final class UnitFile {
    private final Map<String, List<String>> values;

    private UnitFile(Map<String, List<String>> values) {
        this.values = values;
    }

    static UnitFile read(Path file) {
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            String section = "";
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0 || line.endsWith("\\")) {
                    throw new AssertionError(file + ": not a Key=value line: " + raw);
                }
                values.computeIfAbsent(section + "." + line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
            return new UnitFile(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value assigned to {@code key} in {@code section}, in file order. */
    List<String> all(String section, String key) {
        return values.getOrDefault(section + "." + key, List.of());
    }

    /** The value that wins (the last one), or an assertion failure when the key is not set. */
    String last(String section, String key) {
        List<String> all = all(section, key);
        if (all.isEmpty()) {
            throw new AssertionError("[" + section + "] " + key + "= is not set");
        }
        return all.get(all.size() - 1);
    }
}
