package dev.logtally.parse;

import java.time.Instant;
import java.util.List;

/**
 * Renders what the parser made of one line as one stable line of text, for golden files: either
 * {@code skip REASON} or {@code event} followed by every non-null field in {@link Event} order, strings
 * JSON-quoted, then the value errors reported for it.
 *
 * <pre>{@code
 * event time=2026-11-24T11:56:22.123Z level=WARN service="api" duration=12.5 errors=[INVALID_GAUGE]
 * }</pre>
 */
final class EventText {
    private EventText() {
    }

    static String render(Event e, List<ParseError> errors) {
        if (e == null) {
            if (errors.size() != 1 || !errors.get(0).skipsLine()) {
                throw new AssertionError("a skipped line must report exactly one skipping error, got " + errors);
            }
            return "skip " + errors.get(0);
        }
        StringBuilder sb = new StringBuilder("event");
        if (e.hasTimestamp()) {
            sb.append(" time=").append(Instant.ofEpochMilli(e.timestampMillis()));
        }
        text(sb, "level", e.level());
        text(sb, "service", e.service());
        text(sb, "release", e.release());
        text(sb, "error_type", e.errorType());
        text(sb, "stack_hash", e.stackHash());
        text(sb, "method", e.method());
        if (e.hasDuration()) {
            sb.append(" duration=").append(e.durationMs());
        }
        if (e.gauges() != null) {
            sb.append(" gauges=[");
            for (int i = 0; i < e.gauges().length; i++) {
                sb.append(i == 0 ? "" : ", ").append(e.gauges()[i]);
            }
            sb.append(']');
        }
        if (e.labels() != null) {
            sb.append(" labels=[");
            for (int i = 0; i < e.labels().length; i++) {
                sb.append(i == 0 ? "" : ", ");
                if (e.labels()[i] == null) {
                    sb.append("null");
                } else {
                    quote(sb, e.labels()[i]);
                }
            }
            sb.append(']');
        }
        text(sb, "correlation_id", e.correlationId());
        text(sb, "message", e.message());
        text(sb, "logger", e.logger());
        text(sb, "thread", e.thread());
        text(sb, "stack_trace", e.stackTrace());
        if (!errors.isEmpty()) {
            for (ParseError p : errors) {
                if (p.skipsLine()) {
                    throw new AssertionError("an event was returned with a skipping error " + p);
                }
            }
            sb.append(" errors=").append(errors);
        }
        return sb.toString();
    }

    private static void text(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(' ').append(name).append('=');
            quote(sb, value);
        }
    }

    /** JSON-style quoting: control characters escaped, everything else as is. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
