package dev.logtally.export;

import dev.logtally.base.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Turns what went wrong in a push attempt into a one-line {@link PushFailure}: the HTTP status and the
 * first line of the server's answer for a refusal, the exception's name and message for a transport
 * failure. Every secret (and the base64 form of basic credentials) is replaced by {@code ****}, in case a
 * server or proxy echoes the request back.
 *
 * <pre>{@code
 * FailureText text = new FailureText("http://127.0.0.1:9091", List.of());
 * text.of(new IOException("Response code from http://x was 400, response body: bad\nmore"));
 * // push to http://127.0.0.1:9091 rejected (400): bad
 * }</pre>
 */
final class FailureText {
    /** How simpleclient 0.16 reports a non-2xx answer: {@code Response code from URL was N[, response body: B]}. */
    private static final String PREFIX = "Response code from ";
    private static final String WAS = " was ";
    private static final String BODY = ", response body: ";
    private static final int MAX_LINE = 300;

    private final String action;
    private final String target;
    private final List<String> secrets;

    /** {@code secrets} is read at each use, so it may be filled after construction. */
    FailureText(String target, List<String> secrets) {
        this("push to", target, secrets);
    }

    /** Messages that start with {@code action target}, e.g. {@code remote write to http://vm:8428/api/v1/write}. */
    FailureText(String action, String target, List<String> secrets) {
        this.action = action + " ";
        this.target = target;
        this.secrets = secrets;
    }

    PushFailure timeout(Duration timeout) {
        return new PushFailure(PushFailure.Kind.TIMEOUT, 0, action + target + " timed out after " + dev.logtally.base.Durations.format(timeout));
    }

    PushFailure interrupted() {
        return new PushFailure(PushFailure.Kind.INTERRUPTED, 0, action + target + " interrupted");
    }

    PushFailure of(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        int was = message.indexOf(WAS);
        if (cause instanceof IOException && message.startsWith(PREFIX) && was > 0) {
            String rest = message.substring(was + WAS.length());
            int comma = rest.indexOf(BODY);
            int status = parseStatus(comma < 0 ? rest : rest.substring(0, comma));
            String body = comma < 0 ? "" : firstLine(rest.substring(comma + BODY.length()));
            return rejected(status, comma < 0 ? "" : rest.substring(comma + BODY.length()));
        }
        if (cause instanceof HttpStatusException refused) {
            return rejected(refused.status(), refused.body());
        }
        String detail = cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + firstLine(message));
        return new PushFailure(PushFailure.Kind.UNREACHABLE, 0, mask(action + target + " failed: " + detail));
    }

    /** A non-2xx answer: the status and the first line of the body, secrets masked. */
    PushFailure rejected(int status, String body) {
        String line = firstLine(body);
        return new PushFailure(PushFailure.Kind.REJECTED, status,
                mask(action + target + " rejected (" + status + ")" + (line.isEmpty() ? "" : ": " + line)));
    }

    private static int parseStatus(String code) {
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        String line = (nl < 0 ? t : t.substring(0, nl)).strip();
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    }

    private String mask(String line) {
        String out = line;
        for (String secret : secrets) {
            out = out.replace(secret, Secret.MASK);
        }
        return out;
    }
}
