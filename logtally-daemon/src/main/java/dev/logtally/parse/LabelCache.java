package dev.logtally.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A small, bounded intern cache for label-ish values (service, method, error type, level): the same
 * text yields the same {@code String} instance, so the aggregator's map lookups compare by identity
 * first, and a hit costs no allocation because the text is compared straight from Jackson's buffer.
 *
 * <p>Bounded so that hostile input (10,000 distinct services) cannot grow it: {@value #SLOTS} slots in
 * sets of {@value #WAYS}; a miss in a full set replaces one of its entries in turn. Values longer than
 * {@value #MAX_LENGTH} characters are not cached at all. An evicted value simply comes back as a new,
 * equal instance. One cache per {@link LineParser}, used by one thread: no locking.
 *
 * <pre>{@code
 * LabelCache cache = new LabelCache();
 * String a = cache.intern(chars, 0, 3), b = cache.intern("api".toCharArray(), 0, 3);   // a == b
 * }</pre>
 */
final class LabelCache {
    static final int SLOTS = 1024;
    static final int WAYS = 4;
    static final int MAX_LENGTH = 128;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final String[] values = new String[SLOTS];
    /** The text of each value, compared with {@link Arrays#equals(char[], int, int, char[], int, int)}. */
    private final char[][] texts = new char[SLOTS][];
    /** The text of each value as bytes when it is ASCII (else null), compared with a value read from a line's bytes. */
    private final byte[][] asciiTexts = new byte[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final byte[] nextVictim = new byte[SLOTS / WAYS];

    /** The canonical instance of {@code c[off, off + len)}. */
    String intern(char[] c, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(c, off, len);
        }
        int h = hash(c, off, len);
        int set = spread(h) & (SLOTS / WAYS - 1);
        int base = set * WAYS;
        for (int k = base; k < base + WAYS; k++) {
            String v = values[k];
            if (v == null) {
                return store(k, h, Arrays.copyOfRange(c, off, off + len));
            }
            char[] t = texts[k];
            if (hashes[k] == h && Arrays.equals(t, 0, t.length, c, off, off + len)) {
                return v;
            }
        }
        return store(victim(set), h, Arrays.copyOfRange(c, off, off + len));
    }

    /**
     * The canonical instance of the ASCII bytes {@code b[off, off + len)}: the same instance as
     * {@link #intern(char[], int, int)} gives for the same text (one byte is one char, so the hash and
     * the stored text are the same), found without copying the bytes to chars first.
     */
    String intern(byte[] b, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        int h = hash(b, off, len);
        int set = spread(h) & (SLOTS / WAYS - 1);
        int base = set * WAYS;
        for (int k = base; k < base + WAYS; k++) {
            String v = values[k];
            if (v == null) {
                return store(k, h, Ascii.chars(b, off, len));
            }
            if (hashes[k] == h && sameText(asciiTexts[k], b, off, len)) {
                return v;
            }
        }
        return store(victim(set), h, Ascii.chars(b, off, len));
    }

    /** Whether the ASCII text {@code t} (null for a value that is not ASCII) is {@code b[off, off + len)}: 8 bytes at a time. */
    private static boolean sameText(byte[] t, byte[] b, int off, int len) {
        if (t == null || t.length != len) {
            return false;
        }
        if (len < 8) {
            for (int i = 0; i < len; i++) {
                if (t[i] != b[off + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i + 8 <= len; i += 8) {
            if ((long) LONGS.get(t, i) != (long) LONGS.get(b, off + i)) {
                return false;
            }
        }
        return (long) LONGS.get(t, len - 8) == (long) LONGS.get(b, off + len - 8); // the last word, overlapping
    }

    /**
     * The hash of a value's text, eight chars per step (each taken as its low byte), the last step on the
     * last eight, overlapping: one multiply per eight chars rather than per char (a chain of multiplies is
     * what a label's lookup waited for). Equal for a text given as chars and as ASCII bytes, so both find
     * the same entry.
     */
    static int hash(char[] c, int off, int len) {
        long h = len;
        if (len >= 8) {
            int last = off + len - 8;
            for (int i = off; i < last; i += 8) {
                h = (h + word(c, i, 8)) * MIX;
            }
            h = (h + word(c, last, 8)) * MIX;
        } else {
            h = (h + word(c, off, len)) * MIX;
        }
        return finish(h);
    }

    /** {@link #hash(char[], int, int)} of ASCII bytes, eight read at once. */
    static int hash(byte[] b, int off, int len) {
        long h = len;
        if (len >= 8) {
            int last = off + len - 8;
            for (int i = off; i < last; i += 8) {
                h = (h + (long) LONGS.get(b, i)) * MIX;
            }
            h = (h + (long) LONGS.get(b, last)) * MIX;
        } else {
            h = (h + ByteNames.word(b, off, len)) * MIX;
        }
        return finish(h);
    }

    /** The low bytes of {@code n} (at most 8) chars from {@code c[i]}, little-endian. */
    private static long word(char[] c, int i, int n) {
        long w = 0;
        for (int k = n - 1; k >= 0; k--) {
            w = w << 8 | (c[i + k] & 0xFF);
        }
        return w;
    }

    /** Spreads every input bit over the low bits that pick a set (a multiply alone only carries bits upwards). */
    private static int finish(long x) {
        int h = (int) (x ^ (x >>> 32));
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** How many values the cache holds (for tests). */
    int size() {
        int n = 0;
        for (String v : values) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    /** The slot of {@code set} a miss in the full set replaces: each in turn. */
    private int victim(int set) {
        int victim = nextVictim[set];
        nextVictim[set] = (byte) ((victim + 1) % WAYS);
        return set * WAYS + victim;
    }

    /** Stores {@code text} (the cache's own copy from now on) in {@code slot}; returns its value. */
    private String store(int slot, int h, char[] text) {
        String value = new String(text);
        values[slot] = value;
        texts[slot] = text;
        asciiTexts[slot] = asciiBytes(text);
        hashes[slot] = h;
        return value;
    }

    private static byte[] asciiBytes(char[] text) {
        byte[] b = new byte[text.length];
        for (int i = 0; i < text.length; i++) {
            if (text[i] >= 0x80) {
                return null;
            }
            b[i] = (byte) text[i];
        }
        return b;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
