package dev.logtally.parse;

/**
 * Why a line was skipped, or why one of its values was ignored. The {@link #label()} is the value of the
 * {@code reason} label of {@code logtally_parse_errors_total}.
 */
public enum ParseError {
    /** Not valid JSON, or JSON cut short. The line is skipped. */
    MALFORMED("malformed"),
    /** Valid JSON, but not an object. The line is skipped. */
    NOT_AN_OBJECT("not_object"),
    /** Bytes that are not valid UTF-8. The line is skipped. */
    INVALID_UTF8("invalid_utf8"),
    /** Longer than the configured cap; its bytes were never buffered. The line is skipped. */
    OVERSIZED("oversized"),
    /** A line with no terminator left at the end of a file that will not grow again. The line is skipped. */
    PARTIAL("partial_line"),
    /** {@code duration_ms} present but negative, NaN, infinite or not a number: the event counts, the value is ignored. */
    INVALID_DURATION("invalid_duration"),
    /** A gauge field present but not a finite number: the event counts, the value is ignored. */
    INVALID_GAUGE("invalid_gauge"),
    /** {@code @timestamp} present but not ISO-8601: the event counts without a time. */
    INVALID_TIMESTAMP("invalid_timestamp");

    private final String label;

    ParseError(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when the whole line is skipped; false when only one value of an otherwise counted event is. */
    public boolean skipsLine() {
        return ordinal() <= PARTIAL.ordinal();
    }
}
