package dev.logtally.parse;

/**
 * One parsed log event: the record that crosses from the {@code parse} stage to the {@code aggregate}
 * stage (and to the archive tools). Which optional text fields are filled is decided once, when the
 * {@link LineParser} is built: the tailer asks only for what it counts, {@code trace} and {@code errors}
 * ask for messages and stack traces too. A field not asked for, or absent from the line, is
 * {@code null} (numbers: {@link Long#MIN_VALUE} for the time, {@code NaN} for values).
 *
 * @param timestampMillis event time ({@code @timestamp}) in epoch milliseconds, {@link Long#MIN_VALUE} when absent
 * @param level           level name in upper case ({@code "ERROR"}), or null
 * @param service         the {@code service} field
 * @param release         the {@code release} field
 * @param errorType       the {@code error_type} field, else the simple class name of the exception at
 *                        the head of {@code stack_trace}, else null (the aggregator counts null as {@code unknown})
 * @param stackHash       the {@code stack_hash} field
 * @param method          the {@code method} field of a timed event
 * @param durationMs      the numeric {@code duration_ms} field; NaN when absent or invalid (negative, NaN, not a number)
 * @param gauges          values of the configured gauge fields, in configuration order, NaN where absent;
 *                        null when no gauge is configured
 * @param correlationId   the {@code correlation_id} field
 * @param message         the {@code message} field
 * @param logger          the {@code logger_name} field
 * @param thread          the {@code thread_name} field
 * @param stackTrace      the {@code stack_trace} field
 * @param fingerprint     the {@code fingerprint} field: the event's own error-group key (Sentry's convention)
 * @param labels          values of the configured extra label fields ({@code labels.extra}), in configuration
 *                        order, null where absent; null when no extra label is configured
 */
public record Event(
        long timestampMillis,
        String level,
        String service,
        String release,
        String errorType,
        String stackHash,
        String method,
        double durationMs,
        double[] gauges,
        String correlationId,
        String message,
        String logger,
        String thread,
        String stackTrace,
        String fingerprint,
        String[] labels) {

    /** Marker for an absent {@link #timestampMillis()}. */
    public static final long NO_TIME = Long.MIN_VALUE;

    public boolean hasTimestamp() {
        return timestampMillis != NO_TIME;
    }

    public boolean hasDuration() {
        return !Double.isNaN(durationMs);
    }
}
