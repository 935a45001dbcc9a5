package dev.logtally.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link LineParser}'s fast path: reads a line of plain JSON in one pass over its bytes, without Jackson.
 * A Jackson parser per line tokenises every name and value (and is made and closed per line); this pass
 * only looks for the ends of the values it does not read (strings 8 bytes at a time) and matches names by
 * their bytes ({@link ByteNames}), which is what it takes for the tailer to read a million lines a second
 * on one core (docs/BENCHMARKS.md, issue 3).
 *
 * <p><b>Exactness.</b> It accepts only a subset of what Jackson (3.2, default features) accepts, and for
 * that subset fills {@link EventValues} exactly as {@link FieldReader} does ({@link PlainValues}). Everything else is declined
 * and Jackson decides it, so which lines are skipped, why, and every value stay Jackson's (the
 * {@code LineScannerTest} runs both paths over the golden cases and mutated lines). Declined:
 * <ul>
 * <li>anything that is not RFC 8259 JSON (Jackson rejects it, or parses it under its own rules), a line
 *     that is not one object, and any byte outside a string that is not JSON's;</li>
 * <li>anything near Jackson's {@code StreamReadConstraints} (depth &gt; {@value #MAX_DEPTH}, names longer
 *     than {@value #MAX_NAME} bytes, numbers longer than {@value #MAX_NUMBER}, lines longer than
 *     {@value #MAX_LINE} bytes);</li>
 * <li>a name holding an escape; a read field whose string value holds an escape, a non-ASCII character
 *     or more than {@value #MAX_VALUE} bytes, or whose value is not a string, {@code null} or (for
 *     {@code duration_ms} and gauges) a number.</li>
 * </ul>
 * It also checks the UTF-8 of the lines it reads (non-ASCII bytes only ever sit in strings, and each
 * sequence there is checked as {@link Utf8} does), so a line it reads needs no separate pass; a line it
 * declines goes through {@link Utf8} first, then Jackson. Never throws: a line it cannot follow is declined.
 *
 * <pre>{@code
 * LineScanner fast = new LineScanner(new FieldTable(options), labels, new Levels(labels));
 * boolean read = fast.read(line.buf(), line.start(), line.length(), values);
 * }</pre>
 */
final class LineScanner implements FastPath {
    static final int MAX_LINE = 16 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_NAME = 1024;
    static final int MAX_NUMBER = 100;
    static final int MAX_VALUE = 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final byte[] ESCAPE_LENGTHS = escapeLengths();

    /** Places in a line whose last name is remembered (a power of two; later places share them). */
    private static final int SEEN = 32;

    private final ByteNames names;
    /** Length, words and slot of the short name last seen at each place of a line; length -1: none yet. */
    private final int[] seenLength = new int[SEEN];
    private final long[] seenFirst = new long[SEEN];
    private final long[] seenSecond = new long[SEEN];
    private final int[] seenSlot = new int[SEEN];
    private final int[] kinds;
    private final int[] gaugeIndex;
    private final FieldTable[] nested;
    private final PlainValues values;

    LineScanner(FieldTable fields, LabelCache labels, Levels levels) {
        this.names = fields.bytes;
        this.kinds = fields.kinds;
        this.gaugeIndex = fields.gaugeIndex;
        this.nested = fields.nested;
        this.values = new PlainValues(labels, levels, MAX_VALUE);
        java.util.Arrays.fill(seenLength, -1);
    }

    @Override
    public boolean read(byte[] b, int start, int length, EventValues v) {
        if (length > MAX_LINE) {
            return false;
        }
        final int end = start + length;
        int i = ws(b, start, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = ws(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return ws(b, i + 1, end) == end;
        }
        int field = 0;
        while (true) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int from = i + 1;
            // A name of at most 15 bytes (most are): its end and its words for the lookup from the same loads.
            long w0 = 0;
            long w1 = 0;
            int len = -1;
            if (from + 16 <= end) {
                w0 = (long) LONGS.get(b, from);
                long m = specials(w0);
                if (m != 0) {
                    len = Long.numberOfTrailingZeros(m) >>> 3;
                    w0 &= ~(-1L << (len << 3));
                } else {
                    w1 = (long) LONGS.get(b, from + 8);
                    m = specials(w1);
                    if (m != 0) {
                        int k = Long.numberOfTrailingZeros(m) >>> 3;
                        len = 8 + k;
                        w1 &= ~(-1L << (k << 3));
                    }
                }
            }
            int j;
            int slot;
            if (len >= 0) {
                j = from + len;
                if (b[j] != '"') {
                    return false; // an escape, a control character or a non-ASCII byte in a name
                }
                // The names of a log's lines come in the same order line after line: the name seen at this
                // place last time, compared by its words, gives the slot without a hash or a probe.
                int at = field & (SEEN - 1);
                if (seenLength[at] == len && seenFirst[at] == w0 && seenSecond[at] == w1) {
                    slot = seenSlot[at];
                } else {
                    slot = names.slot(w0, w1, len, b, from);
                    seenLength[at] = len;
                    seenFirst[at] = w0;
                    seenSecond[at] = w1;
                    seenSlot[at] = slot;
                }
            } else {
                j = plainEnd(b, from, end, MAX_NAME);
                if (j < 0) {
                    return false;
                }
                slot = names.slot(b, from, j);
            }
            field++;
            i = ws(b, j + 1, end);
            if (i >= end || b[i] != ':') {
                return false;
            }
            i = ws(b, i + 1, end);
            if (slot >= 0 && kinds[slot] == FieldTable.NOTED) {
                v.note(gaugeIndex[slot], i - start); // a group's text: only where it is, here in the loop
                slot = -1;
            }
            i = slot < 0 ? skipValue(b, i, end, 1)
                    : kinds[slot] == FieldTable.NESTED ? readNested(nested[slot], b, i, end, start, v, 1)
                    : readValue(kinds[slot], gaugeIndex[slot], b, i, end, start, v);
            if (i < 0) {
                return false;
            }
            i = ws(b, i, end);
            if (i >= end) {
                return false;
            }
            if (b[i] == '}') {
                // One object, then only whitespace: anything else (a second value too) is Jackson's to judge.
                return ws(b, i + 1, end) == end;
            }
            if (b[i] != ',') {
                return false;
            }
            i = ws(b, i + 1, end);
        }
    }

    /**
     * The value at {@code b[i]} of a name that is a dotted prefix of read fields ({@code log} of
     * {@code log.level}): an object's fields are looked up in {@code table} (by name bytes, without the
     * per-place memory of the top level, whose slots are the top table's); anything else is skipped.
     * Returns the index after the value, or -1 to decline, as the top level does.
     */
    private int readNested(FieldTable table, byte[] b, int i, int end, int start, EventValues v, int depth) {
        if (i >= end || b[i] != '{') {
            return skipValue(b, i, end, depth);
        }
        if (depth + 1 > MAX_DEPTH) {
            return -1;
        }
        i = ws(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int from = i + 1;
            int j = plainEnd(b, from, end, MAX_NAME);
            if (j < 0) {
                return -1;
            }
            int slot = table.bytes.slot(b, from, j);
            i = ws(b, j + 1, end);
            if (i >= end || b[i] != ':') {
                return -1;
            }
            i = ws(b, i + 1, end);
            i = slot < 0 ? skipValue(b, i, end, depth + 1)
                    : table.kinds[slot] == FieldTable.NESTED ? readNested(table.nested[slot], b, i, end, start, v, depth + 1)
                    : readValue(table.kinds[slot], table.gaugeIndex[slot], b, i, end, start, v);
            i = i < 0 ? -1 : nextMember(b, i, end);
            if (i < -1) {
                return CLOSED - i;
            }
            if (i < 0) {
                return -1;
            }
        }
    }

    /** {@link #nextMember}'s result for a closed object is {@code CLOSED - indexAfterTheBrace} (always below -1). */
    private static final int CLOSED = -2;

    /**
     * Past a member's value ending before {@code i}: the first byte of the next member (after a comma),
     * {@code CLOSED - j} with {@code j} just after the brace that closes the object, or -1 when neither.
     */
    private static int nextMember(byte[] b, int i, int end) {
        i = ws(b, i, end);
        if (i >= end) {
            return -1;
        }
        if (b[i] == '}') {
            return CLOSED - (i + 1);
        }
        if (b[i] != ',') {
            return -1;
        }
        return ws(b, i + 1, end);
    }

    /** Reads the value at {@code b[i]} of a field of {@code kind}; returns the index after it, or -1. */
    private int readValue(int kind, int gauge, byte[] b, int i, int end, int start, EventValues v) {
        if (i >= end) {
            return -1;
        }
        if (kind == FieldTable.NOTED) {
            v.note(gauge, i - start);
            return skipValue(b, i, end, 1);
        }
        byte c = b[i];
        if (kind == FieldTable.STACK_HEAD) {
            // Left unread, as FieldReader does: only where a string value starts is noted.
            v.stackTraceAt = c == '"' ? i - start : -1;
            return skipValue(b, i, end, 1);
        }
        if (c == 'n') {
            int after = literal(b, i, end, "null");
            if (after >= 0) {
                PlainValues.readNull(kind, gauge, v);
            }
            return after;
        }
        if (c == '"') {
            int from = i + 1;
            int close = plainEnd(b, from, end, MAX_VALUE);
            if (close < 0) {
                return -1;
            }
            values.readString(kind, gauge, b, from, close - from, v);
            return close + 1;
        }
        if ((kind == FieldTable.DURATION || kind == FieldTable.GAUGE) && (c == '-' || (c >= '0' && c <= '9'))) {
            int after = numberEnd(b, i, end);
            if (after >= 0) {
                values.readNumber(kind, gauge, b, i, after - i, v);
            }
            return after;
        }
        return -1;
    }

    /**
     * The index of the closing quote of a string whose content starts at {@code b[from]} and is at most
     * {@code max} bytes of printable ASCII without a backslash; -1 for any other string.
     */
    private static int plainEnd(byte[] b, int from, int end, int max) {
        int j = from;
        while (j + 8 <= end) {
            long m = specials((long) LONGS.get(b, j));
            if (m != 0) {
                j += Long.numberOfTrailingZeros(m) >>> 3;
                return b[j] == '"' && j - from <= max ? j : -1;
            }
            j += 8;
            if (j - from > max) {
                return -1;
            }
        }
        for (; j < end; j++) {
            byte c = b[j];
            if (c == '"') {
                return j - from <= max ? j : -1;
            }
            if (c < 0x20 || c == '\\') { // negative: a byte of a multi-byte character
                return -1;
            }
        }
        return -1;
    }

    /**
     * Marks, with its high bit, each byte of {@code w} (8 bytes of the line, little-endian) that is a quote,
     * a backslash, a control character or not ASCII. The lowest mark is always right (a borrow only ever
     * runs upwards from a marked byte), so {@code numberOfTrailingZeros(m) >>> 3} is the first such byte.
     */
    static long specials(long w) {
        // The zero-byte test of q = w ^ '"'… is (q - 0x01…) & ~q, and likewise for the backslash and for bytes
        // below ' '. The high bit of ~q is that of ~w (a quote, a backslash and a space have it clear), so
        // the three tests share one "& ~w", and (x & ~w) | w is x | w: 9 operations per word, not 12.
        long q = w ^ QUOTES;
        long s = w ^ BACKSLASHES;
        return ((q - ONES) | (s - ONES) | (w - SPACES) | w) & HIGH_BITS;
    }

    /** Skips the value at {@code b[i]} in a container at {@code depth}; the index after it, or -1. */
    private static int skipValue(byte[] b, int i, int end, int depth) {
        if (i >= end) {
            return -1;
        }
        return switch (b[i]) {
            case '"' -> stringEnd(b, i + 1, end);
            case '{' -> skipObject(b, i + 1, end, depth + 1);
            case '[' -> skipArray(b, i + 1, end, depth + 1);
            case 't' -> literal(b, i, end, "true");
            case 'f' -> literal(b, i, end, "false");
            case 'n' -> literal(b, i, end, "null");
            default -> numberEnd(b, i, end);
        };
    }

    private static int skipObject(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = ws(b, i, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int after = stringEnd(b, i + 1, end);
            if (after < 0 || after - i - 2 > MAX_NAME) {
                return -1;
            }
            i = ws(b, after, end);
            if (i >= end || b[i] != ':') {
                return -1;
            }
            i = skipValue(b, ws(b, i + 1, end), end, depth);
            i = i < 0 ? -1 : nextMember(b, i, end);
            if (i < -1) {
                return CLOSED - i;
            }
            if (i < 0) {
                return -1;
            }
        }
    }

    private static int skipArray(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = ws(b, i, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = skipValue(b, i, end, depth);
            if (i < 0) {
                return -1;
            }
            i = ws(b, i, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = ws(b, i + 1, end);
        }
    }

    /**
     * The index after the closing quote of the string whose content starts at {@code b[j]}, or -1 when it
     * is not a valid JSON string (unterminated, a control character, an unknown escape, bytes that are not
     * UTF-8).
     */
    private static int stringEnd(byte[] b, int j, int end) {
        while (true) {
            // 8 bytes at a time up to the next byte that needs a look: most of a message or stack trace
            // goes by here.
            while (j + 8 <= end) {
                long m = specials((long) LONGS.get(b, j));
                if (m != 0) {
                    j += Long.numberOfTrailingZeros(m) >>> 3;
                    break;
                }
                j += 8;
            }
            if (j >= end) {
                return -1;
            }
            byte c = b[j];
            if (c == '"') {
                return j + 1;
            } else if (c == '\\') {
                j = escapeEnd(b, j, end);
            } else if (c < 0) {
                j = Utf8.sequenceEnd(b, j, end);
            } else if (c < 0x20) {
                return -1;
            } else {
                j++; // an ordinary byte among the last 7 of the line
            }
            if (j < 0) {
                return -1;
            }
        }
    }

    /** The index after the escape at {@code b[j]} (a backslash), or -1 when it is not one of JSON's. */
    private static int escapeEnd(byte[] b, int j, int end) {
        if (j + 1 >= end) {
            return -1;
        }
        // A table, not a switch: a stack trace alternates \n and \t, which a switch's branches mispredict.
        int length = ESCAPE_LENGTHS[b[j + 1] & 0xFF];
        if (length == 2) {
            return j + 2;
        }
        if (length == 0 || j + 6 > end) {
            return -1;
        }
        for (int k = j + 2; k < j + 6; k++) {
            if (Character.digit(b[k], 16) < 0) {
                return -1;
            }
        }
        return j + 6;
    }

    /** Length of a JSON escape by the byte after its backslash: 2, 6 for {@code \\u}, 0 for no escape of JSON's. */
    private static byte[] escapeLengths() {
        byte[] t = new byte[256];
        for (char c : new char[] {'"', '\\', '/', 'b', 'f', 'n', 'r', 't'}) {
            t[c] = 2;
        }
        t['u'] = 6;
        return t;
    }

    /** The index after a JSON number at {@code b[i]}, or -1 when there is none (or it is too long). */
    private static int numberEnd(byte[] b, int i, int end) {
        int j = i;
        if (j < end && b[j] == '-') {
            j++;
        }
        if (j >= end) {
            return -1;
        }
        if (b[j] == '0') {
            j++;
        } else if (b[j] >= '1' && b[j] <= '9') {
            j = digits(b, j + 1, end);
        } else {
            return -1;
        }
        if (j < end && b[j] == '.') {
            int from = j + 1;
            j = digits(b, from, end);
            if (j == from) {
                return -1;
            }
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            j++;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            int from = j;
            j = digits(b, from, end);
            if (j == from) {
                return -1;
            }
        }
        return j - i > MAX_NUMBER ? -1 : j;
    }

    private static int digits(byte[] b, int j, int end) {
        while (j < end && b[j] >= '0' && b[j] <= '9') {
            j++;
        }
        return j;
    }

    /** The index after {@code word} at {@code b[i]}, or -1. What follows is checked by the caller. */
    private static int literal(byte[] b, int i, int end, String word) {
        int n = word.length();
        if (i + n > end) {
            return -1;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return i + n;
    }

    /** Skips JSON whitespace (space, tab, CR, LF: what Jackson skips). */
    private static int ws(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            // One test for what follows in compact JSON: every whitespace byte is at most ' '.
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\r' && c != '\n')) {
                break;
            }
            i++;
        }
        return i;
    }
}
