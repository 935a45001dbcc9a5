package dev.logtally.export;

/**
 * Why one push attempt failed, as one line fit for a log: never a stack trace, never a secret.
 *
 * <pre>{@code
 * push to http://127.0.0.1:9091 rejected (400): pushed metrics are invalid or inconsistent with existing metrics: ...
 * push to http://127.0.0.1:9091 timed out after 5s
 * push to http://127.0.0.1:9091 failed: ConnectException: Connection refused
 * }</pre>
 *
 * @param kind    what went wrong
 * @param status  the HTTP status for {@link Kind#REJECTED}, else 0
 * @param message the line to log
 */
public record PushFailure(Kind kind, int status, String message) {
    /** The kinds of failure; only {@link #REJECTED} with a 4xx status (other than 408 and 429) is not retried. */
    public enum Kind {
        /** The Pushgateway (or a proxy) answered with a non-2xx status. */
        REJECTED,
        /** No answer within {@code push.timeout}. */
        TIMEOUT,
        /** No connection, TLS failure, connection reset. */
        UNREACHABLE,
        /** The pushing thread was interrupted (shutdown). */
        INTERRUPTED
    }

    /** True when retrying the same push soon cannot help (the request itself was refused). */
    public boolean permanent() {
        return kind == Kind.REJECTED && status >= 400 && status < 500 && status != 408 && status != 429;
    }

    @Override
    public String toString() {
        return message;
    }
}
