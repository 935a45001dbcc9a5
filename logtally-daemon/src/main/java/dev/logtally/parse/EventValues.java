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
    /** Offset of the uncaptured stack trace's opening quote from the line's start, or -1. */
    int stackTraceAt;

    EventValues(int gaugeCount) {
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
        stackTraceAt = -1;
    }

    /** The duration read as {@code d}: kept when finite and not negative, else NaN and reported. */
    void duration(double d) {
        boolean valid = d >= 0 && d < Double.POSITIVE_INFINITY;
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

    Event toEvent() {
        return new Event(timestampMillis, level, service, release, errorType, stackHash, method, durationMs,
                gauges.length == 0 ? null : gauges.clone(),
                correlationId, message, logger, thread, stackTrace, fingerprint);
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
