package dev.logtally.parse;

import dev.logtally.source.Line;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns one log line into an {@link Event}, or skips it and says why. One instance per thread, reused
 * for every line: it holds the per-line scratch state, so it is not thread-safe.
 *
 * <p>Most lines never reach Jackson: a {@link LineScanner} reads plain JSON lines in one pass over their
 * bytes and declines anything it is not sure of, exactly as Jackson would read it (see there). For the
 * others, a Jackson streaming parser runs over the line's bytes in place (no copy, no tree). Field names
 * (canonicalised by Jackson) are looked up among the names the {@link ParserOptions} ask for; every other
 * value is skipped without being decoded. Label values (level, service, method, error type) come back
 * as canonical instances from a small bounded cache, the usual five levels as constants.
 *
 * <p>Skipped lines, told to the sink: {@link ParseError#OVERSIZED}; {@link ParseError#INVALID_UTF8}
 * (checked here, as Jackson does not check the strings it skips; a UTF-8 byte-order mark is not JSON
 * and makes the line {@code MALFORMED}); {@link ParseError#MALFORMED} for anything that is not one JSON
 * value, trailing garbage or a second object included; {@link ParseError#NOT_AN_OBJECT}.
 * {@link ParseError#PARTIAL} is the source stage's to report.
 *
 * <p>Values, in a kept line:
 * <ul>
 * <li>{@code null} counts as absent, as does an empty label. A field repeated in a line: the last wins.</li>
 * <li>{@code duration_ms} and gauges take a JSON number, or a string holding exactly a JSON number
 *     (MDC values are always strings). Anything else, a non-finite value or a negative duration is
 *     reported ({@code INVALID_DURATION}, {@code INVALID_GAUGE}) and the value is NaN.</li>
 * <li>{@code @timestamp} takes ISO-8601 with an offset (1–9 fraction digits; {@code Z}, {@code ±HH:MM},
 *     {@code ±HHMM}, {@code ±HH}) or an integer of epoch milliseconds; otherwise
 *     {@code INVALID_TIMESTAMP} and the event has {@link Event#NO_TIME}.</li>
 * <li>The error type is the {@code error_type} field, else the simple class name at the head of a
 *     string {@code stack_trace}, else null; decided once the whole line is read.</li>
 * <li>Text fields given a number or boolean keep its text; given an object or array they are absent.</li>
 * </ul>
 * Value errors are told after the event is built, in the order timestamp, duration, gauges.
 *
 * <pre>{@code
 * LineParser parser = new LineParser(ParserOptions.defaults());
 * LineSink sink = line -> {
 *     Event e = parser.parse(line, (error, bad) -> errors.increment(error.label()));
 *     if (e != null) aggregator.add(e);
 * };
 * }</pre>
 */
public final class LineParser {
    private final TokenStreamFactory json;
    private final FieldTable fields;
    private final FieldReader reader;
    private final ExceptionName exceptionName;
    private final EventValues values;
    private final FastPath fast;
    /** Text fields that are also extra labels (see {@link FieldTable#copyLabels}); empty arrays as a rule. */
    private final int[] copyLabels;
    private final int[] copyKinds;

    public LineParser(ParserOptions options) {
        this(options, true);
    }

    /** With {@code fastPath} false, Jackson reads every line: for tests comparing the two paths. */
    LineParser(ParserOptions options, boolean fastPath) {
        // Names learned by Jackson's symbol table stay in this factory: one per parser, so no two
        // threads ever merge into the same table. Charset detection off: lines are UTF-8, checked here.
        this.json = JsonFactory.builder()
                .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
                .recyclerPool(new SingleThreadRecyclerPool())
                .build();
        this.fields = new FieldTable(options);
        LabelCache labels = new LabelCache();
        this.reader = new FieldReader(labels);
        this.exceptionName = new ExceptionName(labels);
        this.values = new EventValues(options.gauges().size(), options.labels().size());
        this.copyLabels = fields.copyLabels;
        this.copyKinds = fields.copyKinds;
        this.fast = fastPath ? new LineScanner(fields, labels, new Levels(labels)) : FastPath.NONE;
    }

    /**
     * Parses {@code line}.
     *
     * @param errors told of each problem with the line (with the line, valid during the call only)
     * @return the event, or null when the line is skipped (the sink then heard why)
     */
    public Event parse(Line line, ParseErrorSink errors) {
        if (line.oversized()) {
            errors.onError(ParseError.OVERSIZED, line);
            return null;
        }
        byte[] buf = line.buf();
        int start = line.start();
        int length = line.length();
        values.reset();
        // The fast path reads only valid UTF-8 (it checks the bytes as it goes); what it declines is
        // checked here before Jackson, which does not check the strings it skips.
        if (!fast.read(buf, start, length, values)) {
            if (!Utf8.isValid(buf, start, length)) {
                errors.onError(ParseError.INVALID_UTF8, line);
                return null;
            }
            values.reset();
            ParseError failure = readWithJackson(buf, start, length);
            if (failure != null) {
                errors.onError(failure, line);
                return null;
            }
        }
        for (int c = 0; c < copyLabels.length; c++) {
            values.copyLabel(copyLabels[c], copyKinds[c]);
        }
        if (values.errorType == null) {
            if (values.stackTrace != null) {
                values.errorType = exceptionName.fromText(values.stackTrace);
            } else if (values.stackTraceAt >= 0) {
                values.errorType = exceptionName.fromJson(buf, start + values.stackTraceAt, start + length);
            }
        }
        Event event = values.toEvent();
        values.reportInvalid(line, errors);
        return event;
    }

    /**
     * {@code e}, the event this parser just made of {@code line} (before it parses another line), with the
     * text fields it only noted ({@link ParserOptions#noting}) decoded from the line's bytes: exactly what a
     * parser capturing them would have read, without a second parse. Fields not noted keep {@code e}'s values.
     */
    public Event withTexts(Event e, Line line) {
        return new Event(e.timestampMillis(), e.level(), e.service(), noted(LogField.RELEASE, e.release(), line),
                e.errorType(), noted(LogField.STACK_HASH, e.stackHash(), line), e.method(), e.durationMs(), e.gauges(),
                noted(LogField.CORRELATION_ID, e.correlationId(), line), noted(LogField.MESSAGE, e.message(), line),
                e.logger(), e.thread(), e.stackTrace(), noted(LogField.FINGERPRINT, e.fingerprint(), line), e.labels());
    }

    /**
     * {@code e} (from {@link #withTexts}, for the same line) with the stack trace decoded from where the parse
     * noted it, when it was not captured.
     */
    public Event withStack(Event e, Line line) {
        if (e.stackTrace() != null || values.stackTraceAt < 0) {
            return e;
        }
        String trace = JsonValueText.at(line.buf(), line.start() + values.stackTraceAt, line.start() + line.length());
        return new Event(e.timestampMillis(), e.level(), e.service(), e.release(), e.errorType(), e.stackHash(),
                e.method(), e.durationMs(), e.gauges(), e.correlationId(), e.message(), e.logger(), e.thread(), trace,
                e.fingerprint(), e.labels());
    }

    private String noted(LogField f, String otherwise, Line line) {
        int at = values.notedAt(f.ordinal());
        return at < 0 ? otherwise : JsonValueText.at(line.buf(), line.start() + at, line.start() + line.length());
    }

    /** Reads the line with Jackson into {@link #values}; returns why it is skipped, or null when it is an event. */
    private ParseError readWithJackson(byte[] buf, int start, int length) {
        try (JsonParser p = json.createParser(ObjectReadContext.empty(), buf, start, length)) {
            return readLine(p);
        } catch (JacksonException e) {
            return ParseError.MALFORMED;
        }
    }

    /**
     * The fields of the object just opened, up to its end: read ones by their kind, objects under a dotted
     * prefix of read fields ({@code log} of {@code log.level}) with the prefix's own table.
     */
    private void readFields(JsonParser p, FieldTable table) {
        final NameTable names = table.names;
        final int[] kinds = table.kinds;
        String name;
        while ((name = p.nextName()) != null) {
            int slot = names.slot(name);
            JsonToken value = p.nextToken();
            if (slot < 0) {
                if (value.isStructStart()) {
                    p.skipChildren();
                }
            } else if (kinds[slot] != FieldTable.NESTED) {
                reader.read(kinds[slot], table.gaugeIndex[slot], p, value, values);
            } else if (value == JsonToken.START_OBJECT) {
                readFields(p, table.nested[slot]);
            } else if (value.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    private ParseError readLine(JsonParser p) {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            if (first == null) {
                return ParseError.MALFORMED; // empty or blank
            }
            p.skipChildren();
            return p.nextToken() == null ? ParseError.NOT_AN_OBJECT : ParseError.MALFORMED;
        }
        readFields(p, fields);
        if (p.currentToken() != JsonToken.END_OBJECT) {
            return ParseError.MALFORMED; // cannot happen: Jackson throws first; kept as a guard
        }
        // Anything after the object but whitespace is trailing garbage, a second object included.
        return p.nextToken() == null ? null : ParseError.MALFORMED;
    }
}
