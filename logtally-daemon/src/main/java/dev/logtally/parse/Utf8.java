package dev.logtally.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF). Jackson does not check the strings it skips, and the tailer skips most of them, so the
 * parser checks every line itself, before Jackson sees it.
 *
 * <p>Log lines are mostly ASCII: 32 bytes (four words) are tested at a time until one has its high bit
 * set, then that one sequence is checked byte by byte and the fast path resumes.
 *
 * <pre>{@code
 * boolean ok = Utf8.isValid(line.buf(), line.start(), line.length());
 * }</pre>
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** True when {@code buf[start, start + length)} is well-formed UTF-8. */
    static boolean isValid(byte[] buf, int start, int length) {
        int i = start;
        final int end = start + length;
        while (i < end) {
            // Fast path: 32 bytes of ASCII per step, then 8.
            while (i + 32 <= end && (((long) LONGS.get(buf, i) | (long) LONGS.get(buf, i + 8)
                    | (long) LONGS.get(buf, i + 16) | (long) LONGS.get(buf, i + 24)) & HIGH_BITS) == 0) {
                i += 32;
            }
            if (i == end) {
                break;
            }
            if (i + 8 <= end) {
                long highBits = (long) LONGS.get(buf, i) & HIGH_BITS;
                if (highBits == 0) {
                    i += 8;
                    continue;
                }
                // Little-endian: the lowest set high bit marks the first non-ASCII byte of the word.
                i += Long.numberOfTrailingZeros(highBits) >>> 3;
            } else if (buf[i] >= 0) {
                i++;
                continue;
            }
            i = sequenceEnd(buf, i, end);
            if (i < 0) {
                return false;
            }
        }
        return true;
    }

    /** Checks the multi-byte sequence at {@code i}; returns the index after it, or -1 when malformed. */
    static int sequenceEnd(byte[] buf, int i, int end) {
        int b0 = buf[i] & 0xFF;
        int need;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            if (b0 == 0xE0) {
                min2 = 0xA0; // overlong below U+0800
            } else if (b0 == 0xED) {
                max2 = 0x9F; // surrogates U+D800..U+DFFF
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            if (b0 == 0xF0) {
                min2 = 0x90; // overlong below U+10000
            } else if (b0 == 0xF4) {
                max2 = 0x8F; // past U+10FFFF
            }
        } else {
            return -1; // continuation byte first, C0/C1 overlong, or F5..FF
        }
        if (i + need >= end) {
            return -1; // cut short
        }
        int b1 = buf[i + 1] & 0xFF;
        if (b1 < min2 || b1 > max2) {
            return -1;
        }
        for (int k = 2; k <= need; k++) {
            if ((buf[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return i + need + 1;
    }
}
