package dev.logtally.base;

import java.time.Duration;

/**
 * Durations written as Prometheus writes them: one or more {@code <number><unit>} parts, largest unit
 * first, units {@code ms s m h d w y} — {@code 250ms}, {@code 1s}, {@code 5m}, {@code 1h30m}.
 *
 * <pre>{@code
 * Duration d = Durations.parse("push.interval", "10s");   // PT10S
 * String s = Durations.format(Duration.ofMillis(1500));     // "1s500ms"
 * }</pre>
 */
public final class Durations {
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};

    private Durations() {
    }

    /** Parses {@code text}; a malformed value is a {@link ConfigException} naming {@code key}. */
    public static Duration parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw bad(key, text);
        }
        long total = 0;
        int i = 0;
        int lastUnit = -1;
        while (i < t.length()) {
            int digits = i;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == digits || i - digits > 12) {
                throw bad(key, text);
            }
            long n = Long.parseLong(t.substring(digits, i));
            int unitStart = i;
            while (i < t.length() && Character.isLetter(t.charAt(i))) {
                i++;
            }
            int unit = unitIndex(t.substring(unitStart, i));
            if (unit < 0 || unit <= lastUnit) {
                throw bad(key, text);
            }
            lastUnit = unit;
            total = Math.addExact(total, Math.multiplyExact(n, MILLIS[unit]));
        }
        return Duration.ofMillis(total);
    }

    /**
     * {@link #parse} that also takes {@code 0} for zero (e.g. "run until stopped").
     *
     * @throws ConfigException naming {@code key} when {@code text} is neither {@code 0} nor a duration
     */
    public static Duration parseOrZero(String key, String text) {
        return text.equals("0") ? Duration.ZERO : parse(key, text);
    }

    /** Parses and requires a positive duration. */
    public static Duration parsePositive(String key, String text) {
        Duration d = parse(key, text);
        if (d.isZero()) {
            throw new ConfigException(key, "must be greater than 0, got '" + text + "'");
        }
        return d;
    }

    /** Renders {@code d} the way {@link #parse} reads it, e.g. {@code 1m30s}; {@code 0s} for zero. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < UNITS.length; u++) {
            long n = ms / MILLIS[u];
            if (n > 0) {
                sb.append(n).append(UNITS[u]);
                ms -= n * MILLIS[u];
            }
        }
        return sb.toString();
    }

    private static int unitIndex(String unit) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return u;
            }
        }
        return -1;
    }

    private static ConfigException bad(String key, String text) {
        return new ConfigException(key, "'" + text + "' is not a duration (write it as Prometheus does: 250ms, 1s, 5m, 1h)");
    }
}
