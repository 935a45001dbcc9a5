package dev.logtally.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link FieldReader}'s rules for the values {@link LineScanner} reads itself: {@code null}, a string of
 * plain ASCII (no escape), or a JSON number's text, taken straight from the line's bytes. Each method
 * leaves {@link EventValues} exactly as {@link FieldReader#read} leaves it for the same token, so the two
 * paths cannot differ (checked by {@code LineScannerTest}).
 *
 * <pre>{@code
 * PlainValues values = new PlainValues(labels, new Levels(labels), 1024);
 * values.readString(FieldTable.SERVICE, -1, buf, from, len, eventValues);   // eventValues.service = "api"
 * }</pre>
 */
final class PlainValues {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final LabelCache labels;
    private final Levels levels;
    /** A value's characters (ASCII only, so one byte is one char), for the char-based readers. */
    private final char[] chars;
    /**
     * The first 16 bytes of the last timestamp read, as two little-endian words, and their
     * {@link IsoTimestamp#minuteMillis}. At first all zero bytes, which are no minute ({@link Event#NO_TIME}).
     */
    private long minuteFirst;
    private long minuteSecond;
    private long minute = Event.NO_TIME;
    /** The last service label read from bytes: its bytes (the first {@link #lastServiceLength}) and value. */
    private final byte[] lastService = new byte[LabelCache.MAX_LENGTH];
    private int lastServiceLength = -1;
    private String lastServiceValue;

    /** For values of at most {@code maxLength} bytes (the caller declines longer ones). */
    PlainValues(LabelCache labels, Levels levels, int maxLength) {
        this.labels = labels;
        this.levels = levels;
        this.chars = new char[maxLength];
    }

    /** FieldReader's result for a {@code null} value. */
    static void readNull(int kind, int gauge, EventValues v) {
        switch (kind) {
            case FieldTable.TIMESTAMP -> {
                v.timestampMillis = Event.NO_TIME;
                v.timestampInvalid = false;
            }
            case FieldTable.LEVEL -> v.level = null;
            case FieldTable.SERVICE -> v.service = null;
            case FieldTable.METHOD -> v.method = null;
            case FieldTable.ERROR_TYPE -> v.errorType = null;
            case FieldTable.DURATION -> {
                v.durationMs = Double.NaN;
                v.durationInvalid = false;
            }
            case FieldTable.GAUGE -> {
                v.gauges[gauge] = Double.NaN;
                v.gaugeInvalid[gauge] = false;
                v.gaugesTouched = true;
            }
            case FieldTable.STACK_TRACE -> v.stackTrace = null;
            case FieldTable.MESSAGE -> v.message = null;
            case FieldTable.LOGGER -> v.logger = null;
            case FieldTable.THREAD -> v.thread = null;
            case FieldTable.CORRELATION_ID -> v.correlationId = null;
            case FieldTable.RELEASE -> v.release = null;
            case FieldTable.STACK_HASH -> v.stackHash = null;
            case FieldTable.FINGERPRINT -> v.fingerprint = null;
            case FieldTable.LABEL -> v.label(gauge, null);
            default -> throw new IllegalStateException("unknown field kind " + kind);
        }
    }

    /** FieldReader's result for a string value of plain ASCII {@code b[from, from + len)}. */
    void readString(int kind, int gauge, byte[] b, int from, int len, EventValues v) {
        switch (kind) {
            case FieldTable.TIMESTAMP -> {
                long ms = timestamp(b, from, len);
                v.timestampMillis = ms;
                v.timestampInvalid = ms == Event.NO_TIME;
            }
            case FieldTable.LEVEL -> v.level = len == 0 ? null : level(b, from, len);
            case FieldTable.SERVICE -> v.service = service(b, from, len);
            case FieldTable.METHOD -> v.method = label(b, from, len);
            case FieldTable.ERROR_TYPE -> v.errorType = label(b, from, len);
            case FieldTable.DURATION, FieldTable.GAUGE -> readNumber(kind, gauge, b, from, len, v);
            case FieldTable.LABEL -> v.label(gauge, label(b, from, len));
            default -> readText(kind, b, from, len, v);
        }
    }

    /**
     * The text fields, which only the archive tools that show events capture: apart from
     * {@link #readString}, which stays small enough for the JIT to inline into the scanner's loop.
     */
    private static void readText(int kind, byte[] b, int from, int len, EventValues v) {
        switch (kind) {
            case FieldTable.STACK_TRACE -> v.stackTrace = text(b, from, len);
            case FieldTable.MESSAGE -> v.message = text(b, from, len);
            case FieldTable.LOGGER -> v.logger = text(b, from, len);
            case FieldTable.THREAD -> v.thread = text(b, from, len);
            case FieldTable.CORRELATION_ID -> v.correlationId = text(b, from, len);
            case FieldTable.RELEASE -> v.release = text(b, from, len);
            case FieldTable.STACK_HASH -> v.stackHash = text(b, from, len);
            case FieldTable.FINGERPRINT -> v.fingerprint = text(b, from, len);
            default -> throw new IllegalStateException("unknown field kind " + kind);
        }
    }

    /** FieldReader's result for a number, or a string holding one, whose text is ASCII {@code b[from, from + len)}. */
    void readNumber(int kind, int gauge, byte[] b, int from, int len, EventValues v) {
        double d = NumberText.parse(b, from, len);
        if (kind == FieldTable.DURATION) {
            v.duration(d);
        } else {
            v.gauge(gauge, d);
        }
    }

    /**
     * {@link IsoTimestamp#parse(byte[], int, int)}, with the date, hour and minute (the first 16 bytes)
     * kept from the last timestamp: the lines of one minute share them, so only the seconds, fraction and
     * offset are read again.
     */
    private long timestamp(byte[] b, int from, int len) {
        if (len < IsoTimestamp.MIN_LENGTH) {
            return Event.NO_TIME;
        }
        long first = (long) LONGS.get(b, from);
        long second = (long) LONGS.get(b, from + 8);
        if (first != minuteFirst || second != minuteSecond) {
            minuteFirst = first;
            minuteSecond = second;
            minute = IsoTimestamp.minuteMillis(b, from);
        }
        return minute == Event.NO_TIME ? Event.NO_TIME : IsoTimestamp.afterMinute(b, from, len, minute);
    }

    /**
     * The service label: a log's lines name one service line after line, so the last one is kept and
     * compared first (as bytes), before the cache's hash and lookup.
     */
    private String service(byte[] b, int from, int len) {
        if (len == lastServiceLength && Arrays.equals(lastService, 0, len, b, from, from + len)) {
            return lastServiceValue;
        }
        String value = label(b, from, len);
        if (len <= lastService.length) {
            System.arraycopy(b, from, lastService, 0, len);
            lastServiceLength = len;
            lastServiceValue = value;
        }
        return value;
    }

    private String label(byte[] b, int from, int len) {
        return len == 0 ? null : labels.intern(b, from, len);
    }

    /** The level: one of the five constants straight from the bytes, else {@link Levels}' rules on the chars. */
    private String level(byte[] b, int from, int len) {
        String constant = Levels.constant(b, from, len);
        return constant != null ? constant : levels.normalize(ascii(b, from, len), 0, len);
    }

    private static String text(byte[] b, int from, int len) {
        return new String(b, from, len, StandardCharsets.ISO_8859_1); // ASCII: one byte, one char
    }

    /** Copies ASCII {@code b[from, from + len)} into {@link #chars} (returned) from index 0. */
    private char[] ascii(byte[] b, int from, int len) {
        char[] c = chars;
        for (int k = 0; k < len; k++) {
            c[k] = (char) b[from + k];
        }
        return c;
    }
}
