package dev.logtally.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the last line a benchmark run wrote against the golden line of its configuration in
 * {@code dropin-last-lines.txt} (one {@code CONFIG<TAB>line} per configuration), so that every figure is
 * known to come from a run that wrote the intended event, field for field. What changes from run to run is
 * masked first: the time ({@code <ts>}), the JMH thread's name ({@code <thread>}) and a generated
 * correlation ID ({@code <id>} for logtally's 32 hex digits, {@code <uuid>} for a random UUID; only when it
 * has that shape).
 *
 * <pre>{@code
 * DropInLastLine.check(DropInConfig.DROPIN_SYNC, DropInFiles.lastLine(dir.resolve("app.log")));
 * }</pre>
 */
public final class DropInLastLine {
    private static final String GOLDEN = "dropin-last-lines.txt";
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)";
    private static final Pattern JSON_TIME = Pattern.compile("\"@timestamp\":\"" + TIME + "\"");
    private static final Pattern JSON_THREAD = Pattern.compile("\"thread_name\":\"[^\"]*\"");
    private static final Pattern JSON_ID = Pattern.compile("\"correlation_id\":\"[0-9a-f]{32}\"");
    private static final Pattern JSON_UUID = Pattern.compile(
            "\"correlation_id\":\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
    private static final Pattern TEXT_TIME = Pattern.compile("^" + TIME + " ");
    private static final Pattern TEXT_THREAD = Pattern.compile("\\[[^\\]]*\\]");

    private DropInLastLine() {
    }

    /** {@code line} with time, thread name and generated correlation ID replaced by placeholders. */
    public static String mask(String line) {
        if (line.startsWith("{")) {
            String s = JSON_TIME.matcher(line).replaceFirst("\"@timestamp\":\"<ts>\"");
            s = JSON_THREAD.matcher(s).replaceFirst("\"thread_name\":\"<thread>\"");
            s = JSON_ID.matcher(s).replaceFirst("\"correlation_id\":\"<id>\"");
            return JSON_UUID.matcher(s).replaceFirst("\"correlation_id\":\"<uuid>\"");
        }
        String s = TEXT_TIME.matcher(line).replaceFirst("<ts> ");
        return TEXT_THREAD.matcher(s).replaceFirst("[<thread>]");
    }

    /**
     * @throws IllegalStateException if the masked line differs from the configuration's golden line
     */
    public static void check(DropInConfig config, String line) {
        String expected = golden().get(config.name());
        if (expected == null) {
            throw new IllegalStateException(GOLDEN + " has no line for " + config);
        }
        String actual = mask(line);
        if (!expected.equals(actual)) {
            throw new IllegalStateException(config + " wrote an unexpected last line\n  expected: " + expected
                    + "\n  actual:   " + actual);
        }
    }

    private static Map<String, String> golden() {
        Map<String, String> lines = new HashMap<>();
        try (InputStream in = DropInLastLine.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                throw new IllegalStateException(GOLDEN + " is not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                int tab = l.indexOf('\t');
                if (tab > 0) {
                    lines.put(l.substring(0, tab), l.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GOLDEN, e);
        }
        return lines;
    }
}
