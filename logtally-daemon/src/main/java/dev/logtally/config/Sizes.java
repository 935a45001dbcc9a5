package dev.logtally.config;

import dev.logtally.base.ConfigException;

/**
 * Byte sizes: a plain number of bytes, or a number with {@code KiB MiB GiB} (1024-based) or
 * {@code KB MB GB} (1000-based).
 *
 * <pre>{@code
 * long cap = Sizes.parse("line.max.bytes", "1MiB");   // 1048576
 * }</pre>
 */
public final class Sizes {
    private Sizes() {
    }

    public static long parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 15) {
            throw bad(key, text);
        }
        long n = Long.parseLong(t.substring(0, i));
        long unit = switch (t.substring(i).trim()) {
            case "", "B" -> 1L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "KB" -> 1000L;
            case "MB" -> 1000_000L;
            case "GB" -> 1000_000_000L;
            default -> throw bad(key, text);
        };
        return Math.multiplyExact(n, unit);
    }

    /** Renders {@code bytes} with the largest 1024-based unit that divides it, e.g. {@code 1MiB}. */
    public static String format(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        int[] shifts = {30, 20, 10};
        for (int u = 0; u < units.length; u++) {
            if (bytes != 0 && bytes % (1L << shifts[u]) == 0) {
                return (bytes >> shifts[u]) + units[u];
            }
        }
        return Long.toString(bytes);
    }

    private static ConfigException bad(String key, String text) {
        return new ConfigException(key, "'" + text + "' is not a size (write e.g. 1048576, 512KiB, 1MiB)");
    }
}
