package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The packaged default configuration {@code packaging/etc/logtally/tailer.properties} against the
 * configuration keys table of {@code docs/DESIGN.md}: every key is there once, commented out with the
 * table's default (empty for "none"), except the working minimal example, which is active.
 */
class DefaultConfigTest {
    static final Path PROJECT = SystemdUnitTest.PROJECT;
    static final Path CONFIG = SystemdUnitTest.CONFIG;
    static final Path ENV = PROJECT.resolve("packaging/etc/logtally/tailer.env");
    static final Path DESIGN = PROJECT.resolve("docs/DESIGN.md");

    /** The contract's field names (CONTRACT.md §3), the defaults of the {@code fields.*} keys. */
    static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("timestamp", "@timestamp"), Map.entry("level", "level"), Map.entry("message", "message"),
            Map.entry("logger", "logger_name"), Map.entry("thread", "thread_name"),
            Map.entry("correlation_id", "correlation_id"), Map.entry("service", "service"),
            Map.entry("release", "release"), Map.entry("error_type", "error_type"),
            Map.entry("stack_trace", "stack_trace"), Map.entry("stack_hash", "stack_hash"),
            Map.entry("method", "method"), Map.entry("duration_ms", "duration_ms"));

    @Test
    void activeSettingsAreTheWorkingMinimalExample() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CONFIG)) {
            p.load(r);
        }

        assertEquals(Map.of("paths", "/var/log/myservice/*.log", "state.dir", "/var/lib/logtally"), new TreeMap<>(p));
    }

    @Test
    void everyDesignKeyIsListedOnceWithItsDefault() throws IOException {
        Map<String, String> expected = expectedLines(Files.readAllLines(DESIGN));
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : Files.readAllLines(CONFIG)) {
            String setting = line.startsWith("#") ? line.substring(1) : line;
            int eq = setting.indexOf(" =");
            if (setting.isEmpty() || Character.isWhitespace(setting.charAt(0)) || eq < 0) {
                continue; // prose comment or blank
            }
            String key = setting.substring(0, eq);
            if (actual.put(key, line) != null) {
                duplicates.add(key);
            }
        }

        assertEquals(List.of(), duplicates, "keys listed more than once");
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeMap<>(expected).keySet()) {
            if (!expected.get(key).equals(actual.get(key))) {
                wrong.add("expected '" + expected.get(key) + "', found " + (actual.containsKey(key) ? "'" + actual.get(key) + "'" : "nothing"));
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                wrong.add("'" + actual.get(key) + "' is not a key of " + DESIGN.getFileName());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void stateDirIsTheUnitsStateDirectory() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CONFIG)) {
            p.load(r);
        }

        assertEquals("/var/lib/" + UnitFile.read(SystemdUnitTest.UNIT).last("Service", "StateDirectory"), p.getProperty("state.dir"));
    }

    @Test
    void environmentFileShowsTheUnitsJavaOptions() throws IOException {
        String unitDefault = UnitFile.read(SystemdUnitTest.UNIT).last("Service", "Environment");

        assertEquals("\"" + commentedDefault(Files.readAllLines(ENV), "JAVA_OPTS") + "\"", unitDefault.replace("JAVA_OPTS=", ""));
    }

    /**
     * The lines the config file must hold, by key, from the DESIGN.md table: {@code #key = default}, or
     * {@code key = value} for the two keys of the minimal example.
     */
    static Map<String, String> expectedLines(List<String> design) {
        Map<String, String> expected = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : design) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Configuration keys");
                continue;
            }
            if (!inTable || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String keyCell = cells[1].strip();
            String defaultCell = cells[3].strip();
            if (keyCell.startsWith("`fields.")) {
                for (Map.Entry<String, String> f : FIELD_NAMES.entrySet()) {
                    expected.put("fields." + f.getKey(), "#fields." + f.getKey() + " = " + f.getValue());
                }
                continue;
            }
            for (String key : backticked(keyCell)) {
                expected.put(key, ("#" + key + " = " + defaultValue(defaultCell)).strip());
            }
        }
        if (expected.size() < 20) {
            throw new AssertionError("found only " + expected.size() + " keys in " + DESIGN + "'s configuration table");
        }
        expected.put("paths", "paths = /var/log/myservice/*.log");
        expected.put("state.dir", "state.dir = /var/lib/logtally");
        return expected;
    }

    /** A default written as one literal ({@code `10s`}) is that literal; "none", "host name" and the like are empty. */
    private static String defaultValue(String cell) {
        List<String> literals = backticked(cell);
        boolean single = literals.size() == 1 && cell.equals("`" + literals.get(0) + "`");
        return single ? literals.get(0) : "";
    }

    private static List<String> backticked(String cell) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = cell.indexOf('`', from);
            int close = open < 0 ? -1 : cell.indexOf('`', open + 1);
            if (close < 0) {
                return out;
            }
            out.add(cell.substring(open + 1, close));
            from = close + 1;
        }
    }

    /** The value of the commented-out {@code #key = value} (or {@code #KEY=value}) line for {@code key}. */
    static String commentedDefault(List<String> lines, String key) {
        for (String line : lines) {
            String rest = line.startsWith("#" + key) ? line.substring(key.length() + 1).strip() : null;
            if (rest != null && rest.startsWith("=")) {
                return rest.substring(1).strip();
            }
        }
        throw new AssertionError("no '#" + key + " =' line");
    }
}
