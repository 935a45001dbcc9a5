package dev.logtally.parse;

import dev.logtally.source.Line;
import java.util.Arrays;

/**
 * The values of the line being parsed, collected field by field (in whatever order the line has them)
 * and reset for the next line: one instance per {@link LineParser}, so collecting allocates nothing.
 * Value errors are noted here and told to the sink only once the line turned out to be an event.
 *
 * <pre>{@code
 * values.reset();
 * values.durationMs = 12.5;
 * Event e = values.toEvent();
 * }</pre>
 */
final class EventValues {
    long timestampMillis;
    boolean timestampInvalid;
    String level;
    String service;
    String release;
    String errorType;
    String stackHash;
    String method;
    double durationMs;
    boolean durationInvalid;
    final double[] gauges;
    final boolean[] gaugeInvalid;
    /** Set when a gauge field was seen: only then do {@link #gauges} need resetting. */
    boolean gaugesTouched;
    String correlationId;
    String message;
    String logger;
    String thread;
    String stackTrace;
    String fingerprint;
    /** Values of the extra label fields ({@code labels.extra}), in configuration order. */
    final String[] labels;
    /** Set when an extra label field was seen: only then do {@link #labels} need resetting. */
    boolean labelsTouched;
    /** Offset of the uncaptured stack trace's opening quote from the line's start, or -1. */
    int stackTraceAt;
    /** Per {@link LogField} ordinal, where a noted field's value starts (from the line's start)... */
    private final int[] notedAt = new int[LogField.values().length];
    /** ...valid when noted in the current line: {@link #notedLine} equals {@link #line} (no reset per line). */
    private final int[] notedLine = new int[LogField.values().length];
    private int line;

    EventValues(int gaugeCount, int labelCount) {
        labels = new String[labelCount];
        gauges = new double[gaugeCount];
        Arrays.fill(gauges, Double.NaN);
        gaugeInvalid = new boolean[gaugeCount];
    }

    void reset() {
        timestampMillis = Event.NO_TIME;
        timestampInvalid = false;
        level = null;
        service = null;
        release = null;
        errorType = null;
        stackHash = null;
        method = null;
        durationMs = Double.NaN;
        durationInvalid = false;
        if (gaugesTouched) {
            Arrays.fill(gauges, Double.NaN);
            Arrays.fill(gaugeInvalid, false);
            gaugesTouched = false;
        }
        correlationId = null;
        message = null;
        logger = null;
        thread = null;
        stackTrace = null;
        fingerprint = null;
        if (labelsTouched) {
            Arrays.fill(labels, null);
            labelsTouched = false;
        }
        stackTraceAt = -1;
        if (++line == 0) { // after 2^32 lines: no stale stamp may equal the new one
            Arrays.fill(notedLine, 0);
            line = 1;
        }
    }

    /** Noted field {@code ordinal}'s value starts at {@code at} (from the line's start). */
    void note(int ordinal, int at) {
        notedAt[ordinal] = at;
        notedLine[ordinal] = line;
    }

    /** Where noted field {@code ordinal}'s value starts in the current line, or -1 when it was not seen. */
    int notedAt(int ordinal) {
        return notedLine[ordinal] == line ? notedAt[ordinal] : -1;
    }

    /**
     * The longest duration taken as real, in milliseconds: 30 days. Longer ones are a writer's bug (a
     * timestamp written as a duration, {@code 1e300}); one of them would otherwise dwarf every real
     * observation in the histogram's sum for good (the sum is kept, and checkpointed, in nanoseconds).
     */
    static final double MAX_DURATION_MS = 30.0 * 24 * 3600 * 1000;

    /**
     * The duration read as {@code d}: kept when not negative and at most {@link #MAX_DURATION_MS}, else NaN
     * and reported as {@code invalid_duration}.
     */
    void duration(double d) {
        boolean valid = d >= 0 && d <= MAX_DURATION_MS;
        durationMs = valid ? d + 0.0 : Double.NaN; // + 0.0 turns -0.0 into 0.0
        durationInvalid = !valid;
    }

    /** Gauge {@code g} read as {@code d}: kept when finite, else NaN and reported. */
    void gauge(int g, double d) {
        boolean valid = Double.isFinite(d);
        gauges[g] = valid ? d + 0.0 : Double.NaN;
        gaugeInvalid[g] = !valid;
        gaugesTouched = true;
    }

    /** Extra label {@code k} read as {@code value} (null: absent). */
    void label(int k, String value) {
        labels[k] = value;
        labelsTouched = true;
    }

    /**
     * The text field of {@code kind} (an optional field whose name is also an extra label's, read as that
     * label) set to the label's value.
     */
    void copyLabel(int k, int kind) {
        String value = labels[k];
        switch (kind) {
            case FieldTable.MESSAGE -> message = value;
            case FieldTable.LOGGER -> logger = value;
            case FieldTable.THREAD -> thread = value;
            case FieldTable.CORRELATION_ID -> correlationId = value;
            case FieldTable.RELEASE -> release = value;
            case FieldTable.STACK_HASH -> stackHash = value;
            case FieldTable.FINGERPRINT -> fingerprint = value;
            default -> throw new IllegalStateException("not a text field kind " + kind);
        }
    }

    Event toEvent() {
        return new Event(timestampMillis, level, service, release, errorType, stackHash, method, durationMs,
                gauges.length == 0 ? null : gauges.clone(),
                correlationId, message, logger, thread, stackTrace, fingerprint,
                labels.length == 0 ? null : labels.clone());
    }

    /** Tells {@code errors} of each value the event was kept without, in a fixed order. */
    void reportInvalid(Line line, ParseErrorSink errors) {
        if (timestampInvalid) {
            errors.onError(ParseError.INVALID_TIMESTAMP, line);
        }
        if (durationInvalid) {
            errors.onError(ParseError.INVALID_DURATION, line);
        }
        if (gaugesTouched) {
            for (boolean invalid : gaugeInvalid) {
                if (invalid) {
                    errors.onError(ParseError.INVALID_GAUGE, line);
                }
            }
        }
    }
}
