package dev.logtally.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the slot of a field name given as raw UTF-8 bytes of the line: the {@link LineScanner}'s
 * counterpart of {@link NameTable}, which needs the {@code String} Jackson makes. A small open-addressing
 * table keyed by the name's length and first 16 bytes, read as two 64-bit words: names are mostly 5–14
 * bytes long, so a name is found by comparing those two words, with no per-byte loop and no call (the
 * words are what the hash is made of, read once). Only a name longer than 16 bytes is confirmed with
 * {@link Arrays#equals(byte[], int, int, byte[], int, int)}.
 *
 * <p>Comparing UTF-8 bytes is comparing names: the line is known to be valid UTF-8, and names holding an
 * escape never come here (the scanner leaves those lines to Jackson). A configured name that has no UTF-8
 * form (a lone surrogate) can only be matched through an escape, so it is left out.
 *
 * <pre>{@code
 * ByteNames t = new ByteNames(List.of("level", "service"));
 * int slot = t.slot(buf, from, to);   // 0, 1, or -1
 * }</pre>
 */
final class ByteNames {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final long MIX2 = 0xC2B2AE3D27D4EB4FL;

    /** Length of the name in each table entry, -1 for an empty entry. */
    private final int[] lengths;
    private final long[] firstWords;
    private final long[] secondWords;
    private final byte[][] names;
    private final int[] slots;
    private final int mask;

    /** Slot {@code i} for {@code names.get(i)}; the names must be distinct. */
    ByteNames(List<String> fieldNames) {
        int size = Integer.highestOneBit(Math.max(4, fieldNames.size() * 8) - 1) << 1;
        lengths = new int[size];
        Arrays.fill(lengths, -1);
        firstWords = new long[size];
        secondWords = new long[size];
        names = new byte[size][];
        slots = new int[size];
        mask = size - 1;
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            if (!new String(utf8, StandardCharsets.UTF_8).equals(name)) {
                continue; // unpaired surrogate: see the class comment
            }
            int len = utf8.length;
            long w0 = word(utf8, 0, Math.min(len, 8));
            long w1 = word(utf8, 8, Math.min(len - 8, 8));
            int at = hash(w0, w1, len) & mask;
            while (lengths[at] >= 0) {
                at = (at + 1) & mask;
            }
            lengths[at] = len;
            firstWords[at] = w0;
            secondWords[at] = w1;
            names[at] = utf8;
            slots[at] = i;
        }
    }

    /** The slot of the name {@code b[from, to)}, or -1. */
    int slot(byte[] b, int from, int to) {
        int len = to - from;
        return slot(word(b, from, Math.min(len, 8)), word(b, from + 8, Math.min(len - 8, 8)), len, b, from);
    }

    /**
     * The slot of the name {@code b[from, from + len)} whose first 16 bytes, zero-padded, are the
     * little-endian words {@code w0} and {@code w1} (for a caller that has read them already), or -1.
     */
    int slot(long w0, long w1, int len, byte[] b, int from) {
        for (int at = hash(w0, w1, len) & mask; ; at = (at + 1) & mask) {
            int l = lengths[at];
            if (l < 0) {
                return -1;
            }
            if (l == len && firstWords[at] == w0 && secondWords[at] == w1
                    && (len <= 16 || Arrays.equals(names[at], 16, len, b, from + 16, from + len))) {
                return slots[at];
            }
        }
    }

    private static int hash(long w0, long w1, int len) {
        long h = (w0 * MIX) ^ (w1 * MIX2) ^ len;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The {@code n} bytes at {@code b[i]} as a little-endian word, zero-padded; 0 when {@code n <= 0}. Reads
     * the whole 8-byte word when it lies inside the array (past the name, never past the array) and masks it.
     */
    static long word(byte[] b, int i, int n) {
        if (n <= 0) {
            return 0;
        }
        if (i + 8 <= b.length) {
            return (long) LONGS.get(b, i) & (-1L >>> (64 - 8 * n));
        }
        long w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = w << 8 | (b[i + k] & 0xFF);
        }
        return w;
    }
}
