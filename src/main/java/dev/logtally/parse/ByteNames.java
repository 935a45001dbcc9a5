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
 * table keyed by {@link #hash} (8 bytes at a time), then one {@link Arrays#equals(byte[], int, int, byte[], int, int)} (an intrinsic) to confirm.
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

    private final byte[][] names;
    private final int[] hashes;
    private final int[] slots;
    private final int mask;

    /** Slot {@code i} for {@code names.get(i)}; the names must be distinct. */
    ByteNames(List<String> fieldNames) {
        int size = Integer.highestOneBit(Math.max(4, fieldNames.size() * 8) - 1) << 1;
        names = new byte[size][];
        hashes = new int[size];
        slots = new int[size];
        mask = size - 1;
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            if (!new String(utf8, StandardCharsets.UTF_8).equals(name)) {
                continue; // unpaired surrogate: see the class comment
            }
            int h = hash(utf8, 0, utf8.length);
            int at = h & mask;
            while (names[at] != null) {
                at = (at + 1) & mask;
            }
            names[at] = utf8;
            hashes[at] = h;
            slots[at] = i;
        }
    }

    /**
     * The hash the table uses for the name {@code b[from, to)}: 8 bytes at a time (names are mostly 5–14
     * bytes long, so one or two steps), the last word zero-padded.
     */
    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * MIX;
        }
        if (i < to) {
            long last;
            if (i + 8 <= b.length) {
                last = (long) LONGS.get(b, i) & (-1L >>> (64 - 8 * (to - i))); // may read past the name, not the array
            } else {
                last = 0;
                for (int k = to - 1; k >= i; k--) {
                    last = last << 8 | (b[k] & 0xFF);
                }
            }
            h = (h ^ last) * MIX;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** The slot of the name {@code b[from, to)}, or -1. */
    int slot(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        for (int at = h & mask; ; at = (at + 1) & mask) {
            byte[] candidate = names[at];
            if (candidate == null) {
                return -1;
            }
            if (hashes[at] == h && Arrays.equals(candidate, 0, candidate.length, b, from, to)) {
                return slots[at];
            }
        }
    }
}
