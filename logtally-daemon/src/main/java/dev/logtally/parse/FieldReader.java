package dev.logtally.parse;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the value of one matched field into {@link EventValues}, by the slot's kind in the
 * {@link FieldTable}. Label-ish values (level, service, method, error type) are read from Jackson's
 * character buffer and canonicalised through a {@link LabelCache}, so a repeated value allocates nothing.
 *
 * <p>The value rules are those listed on {@link LineParser}. A stack trace that is not captured is
 * left undecoded: only where it starts is noted, for {@link ExceptionName#fromJson}.
 *
 * <pre>{@code
 * reader.read(FieldTable.DURATION, -1, parser, parser.nextToken(), values);
 * }</pre>
 */
final class FieldReader {
    private final LabelCache labels;
    private final Levels levels;

    FieldReader(LabelCache labels) {
        this.labels = labels;
        this.levels = new Levels(labels);
    }

    /**
     * Reads the value at token {@code t} for a field of {@code kind}; {@code gauge} is the index of a
     * {@link FieldTable#GAUGE} or {@link FieldTable#LABEL} slot.
     */
    void read(int kind, int gauge, JsonParser p, JsonToken t, EventValues v) {
        switch (kind) {
            case FieldTable.TIMESTAMP -> timestamp(p, t, v);
            case FieldTable.LEVEL -> v.level = level(p, t);
            case FieldTable.SERVICE -> v.service = label(p, t);
            case FieldTable.METHOD -> v.method = label(p, t);
            case FieldTable.ERROR_TYPE -> v.errorType = label(p, t);
            case FieldTable.DURATION, FieldTable.GAUGE -> {
                if (t == JsonToken.VALUE_NULL) {
                    PlainValues.readNull(kind, gauge, v);
                } else if (kind == FieldTable.DURATION) {
                    v.duration(number(p, t));
                } else {
                    v.gauge(gauge, number(p, t));
                }
            }
            case FieldTable.STACK_HEAD -> {
                // Left undecoded; its head is read from the line's bytes only if no error_type comes.
                v.stackTraceAt = t == JsonToken.VALUE_STRING ? (int) p.currentTokenLocation().getByteOffset() : -1;
                skip(p, t);
            }
            case FieldTable.STACK_TRACE -> v.stackTrace = t == JsonToken.VALUE_STRING ? p.getString() : skip(p, t);
            case FieldTable.MESSAGE -> v.message = text(p, t);
            case FieldTable.LOGGER -> v.logger = text(p, t);
            case FieldTable.THREAD -> v.thread = text(p, t);
            case FieldTable.CORRELATION_ID -> v.correlationId = text(p, t);
            case FieldTable.RELEASE -> v.release = text(p, t);
            case FieldTable.STACK_HASH -> v.stackHash = text(p, t);
            case FieldTable.FINGERPRINT -> v.fingerprint = text(p, t);
            case FieldTable.LABEL -> v.label(gauge, label(p, t));
            case FieldTable.NOTED -> {
                v.note(gauge, (int) p.currentTokenLocation().getByteOffset());
                skip(p, t);
            }
            default -> throw new IllegalStateException("unknown field kind " + kind);
        }
    }

    private static void timestamp(JsonParser p, JsonToken t, EventValues v) {
        long ms;
        if (t == JsonToken.VALUE_STRING) {
            ms = IsoTimestamp.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            ms = p.getLongValue();
        } else {
            ms = Event.NO_TIME;
            skip(p, t);
        }
        v.timestampMillis = ms;
        v.timestampInvalid = ms == Event.NO_TIME && t != JsonToken.VALUE_NULL;
    }

    private String level(JsonParser p, JsonToken t) {
        if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            return skip(p, t);
        }
        int len = p.getStringLength();
        return len == 0 ? null : levels.normalize(p.getStringCharacters(), p.getStringOffset(), len);
    }

    /** A canonical label: null for null, containers and the empty string. */
    private String label(JsonParser p, JsonToken t) {
        if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            return skip(p, t);
        }
        int len = p.getStringLength();
        return len == 0 ? null : labels.intern(p.getStringCharacters(), p.getStringOffset(), len);
    }

    private static String text(JsonParser p, JsonToken t) {
        if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            return skip(p, t);
        }
        return p.getString();
    }

    /** The numeric value, or NaN when the token is not a number nor a string holding one. */
    private static double number(JsonParser p, JsonToken t) {
        return switch (t) {
            // Jackson's own conversion makes a String and calls Double.parseDouble; this reads its buffer.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING ->
                    NumberText.parse(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
            default -> {
                skip(p, t);
                yield Double.NaN;
            }
        };
    }

    /** Skips an object or array value; always returns null (the value is treated as absent). */
    private static String skip(JsonParser p, JsonToken t) {
        if (t.isStructStart()) {
            p.skipChildren();
        }
        return null;
    }
}
