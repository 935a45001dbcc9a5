package dev.logtally.export;

import java.io.IOException;

/**
 * A server answered with a non-2xx status: the status and (the start of) its body, for {@link FailureText}
 * to turn into one line and for {@link PushFailure#permanent()} to decide whether to retry.
 *
 * <pre>{@code
 * throw new HttpStatusException(400, "out of order sample");
 * }</pre>
 */
final class HttpStatusException extends IOException {
    private final int status;
    private final String body;

    HttpStatusException(int status, String body) {
        super("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }
}
