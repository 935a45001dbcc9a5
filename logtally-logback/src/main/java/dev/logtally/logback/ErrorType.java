package dev.logtally.logback;

import org.slf4j.Logger;

/**
 * An error category such as {@code connection_timeout}: logs an ERROR event carrying it in the
 * {@value #FIELD} field, with the exception (so the line gets {@code stack_trace} and {@code stack_hash}),
 * in one call. Make one constant per category; the name is checked once, there.
 *
 * <pre>{@code
 * static final ErrorType DB_WRITE_FAILED = ErrorType.of("db_write_failed");
 * ...
 * } catch (SQLException e) {
 *     DB_WRITE_FAILED.log(log, e, "share {} not saved", shareId);
 * }
 * }</pre>
 *
 * The tailer counts it in {@code NS_errors_total{error_type="db_write_failed"}}.
 */
public final class ErrorType {
    /** Field holding the category (CONTRACT §3). */
    public static final String FIELD = "error_type";

    private final String name;
    /** The field, made once: every event of this category passes the same argument. */
    private final Object field;

    private ErrorType(String name) {
        this.name = name;
        this.field = Flavours.CURRENT.text(FIELD, name);
    }

    /**
     * The category {@code name}.
     *
     * @throws IllegalArgumentException unless it is 1 to 64 characters of {@code a-z 0-9 _} starting with a letter
     */
    public static ErrorType of(String name) {
        return new ErrorType(FieldNames.checkSnakeCase("an error type", name));
    }

    /** The category's name. */
    public String name() {
        return name;
    }

    /**
     * Logs an ERROR event of this category. {@code format} and {@code args} make the message as in SLF4J;
     * {@code cause} may be null (the line then has no stack trace, and no stack hash to group it by).
     */
    public void log(Logger log, Throwable cause, String format, Object... args) {
        if (!log.isErrorEnabled()) {
            return;
        }
        // SLF4J takes a trailing Throwable as the event's exception; the structured argument beyond the
        // message's placeholders is written only as a field.
        Object[] all = new Object[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = field;
        all[args.length + 1] = cause;
        log.error(format, all);
    }

    @Override
    public String toString() {
        return name;
    }
}
