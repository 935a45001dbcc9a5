package dev.logtally.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds a fixed byte string in a line's raw bytes (Boyer–Moore–Horspool): {@code trace} looks for the
 * correlation ID this way before parsing, so a line that cannot hold it costs a scan that mostly jumps
 * the needle's length at a time, with no decoding and no allocation.
 *
 * <p>The needle is the longest run of the ID's characters that every JSON writer writes as themselves
 * (printable ASCII other than {@code "}, {@code \} and {@code /}): a line that holds the ID holds that
 * run whatever the writer escaped. Only lines that have it are parsed, and only events whose parsed
 * {@code correlation_id} equals the ID are kept. An ID with no such character matches every line.
 *
 * <pre>{@code
 * ByteNeedle needle = ByteNeedle.forId("a56f7570fa42cebec53d3c4bb3b93303");
 * if (needle.in(line.buf(), line.start(), line.start() + line.length())) { parse... }
 * }</pre>
 */
public final class ByteNeedle {
    private final byte[] needle;
    private final int[] shift = new int[256];

    private ByteNeedle(byte[] needle) {
        this.needle = needle;
        int m = needle.length;
        Arrays.fill(shift, Math.max(m, 1));
        for (int i = 0; i < m - 1; i++) {
            shift[needle[i] & 0xff] = m - 1 - i;
        }
    }

    /** The needle for correlation ID {@code id} (see the class comment). */
    public static ByteNeedle forId(String id) {
        int bestStart = 0;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i <= id.length(); i++) {
            boolean plain = i < id.length() && isPlain(id.charAt(i));
            if (!plain) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = i + 1;
            }
        }
        return new ByteNeedle(id.substring(bestStart, bestStart + bestLength).getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/';
    }

    /** The bytes looked for. */
    public byte[] bytes() {
        return needle.clone();
    }

    /** True when {@code b[from, to)} holds the needle (always, for an empty needle). */
    public boolean in(byte[] b, int from, int to) {
        return indexIn(b, from, to) >= 0;
    }

    /** Index of the needle's first occurrence in {@code b[from, to)}, or -1. */
    public int indexIn(byte[] b, int from, int to) {
        final byte[] n = needle;
        final int m = n.length;
        if (m == 0) {
            return from;
        }
        final byte last = n[m - 1];
        int i = from + m - 1;
        while (i < to) {
            byte c = b[i];
            if (c == last && matchesBefore(b, i - m + 1)) {
                return i - m + 1;
            }
            i += shift[c & 0xff];
        }
        return -1;
    }

    private boolean matchesBefore(byte[] b, int at) {
        final byte[] n = needle;
        for (int j = n.length - 2; j >= 0; j--) {
            if (b[at + j] != n[j]) {
                return false;
            }
        }
        return true;
    }
}
