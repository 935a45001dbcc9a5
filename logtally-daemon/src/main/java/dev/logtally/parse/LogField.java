package dev.logtally.parse;

/**
 * The fields of a log line that logtally reads (CONTRACT §3), each with its default name in the line and
 * its configuration key ({@code fields.<key>}). Names are renamable through {@link ParserOptions}; the
 * {@linkplain #optional() optional} ones are read only when asked for, so the tailer, which counts
 * without them, never decodes a message or a stack trace.
 *
 * <pre>{@code
 * ParserOptions o = ParserOptions.builder().name(LogField.SERVICE, "app").capture(LogField.MESSAGE).build();
 * String key = "fields." + LogField.LOGGER.key();   // "fields.logger"
 * }</pre>
 */
public enum LogField {
    TIMESTAMP("@timestamp", "timestamp", false),
    LEVEL("level", "level", false),
    MESSAGE("message", "message", true),
    LOGGER("logger_name", "logger", true),
    THREAD("thread_name", "thread", true),
    CORRELATION_ID("correlation_id", "correlation_id", true),
    SERVICE("service", "service", false),
    RELEASE("release", "release", true),
    ERROR_TYPE("error_type", "error_type", false),
    STACK_TRACE("stack_trace", "stack_trace", true),
    STACK_HASH("stack_hash", "stack_hash", true),
    METHOD("method", "method", false),
    DURATION_MS("duration_ms", "duration_ms", false),
    /** Sentry's convention: an event's own grouping key, overriding error type and stack hash. */
    FINGERPRINT("fingerprint", "fingerprint", true);

    private final String defaultName;
    private final String key;
    private final boolean optional;

    LogField(String defaultName, String key, boolean optional) {
        this.defaultName = defaultName;
        this.key = key;
        this.optional = optional;
    }

    /** The field's name in a line written by the drop-in, e.g. {@code "@timestamp"}. */
    public String defaultName() {
        return defaultName;
    }

    /** The configuration key suffix: the field is renamed by {@code fields.<key>}. */
    public String key() {
        return key;
    }

    /**
     * True for the text fields only the archive tools need (message, logger, thread, correlation id,
     * release, stack hash, stack trace); false for what the tailer always reads. The stack trace is still
     * looked at when not captured: its head names the error type of an event without {@code error_type}.
     */
    public boolean optional() {
        return optional;
    }
}
