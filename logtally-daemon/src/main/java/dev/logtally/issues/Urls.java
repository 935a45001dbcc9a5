package dev.logtally.issues;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page's URLs: every value from a log put into one (a fingerprint, a correlation ID, a filter value)
 * is percent-encoded, and a path segment read back is decoded from the raw path, so a {@code /} or
 * {@code ?} inside a value can never change which route is taken.
 *
 * <pre>{@code
 * String href = Urls.issue("a/b c");          // /issues/a%2Fb%20c
 * String fp = Urls.segment("a%2Fb%20c");      // a/b c
 * }</pre>
 */
final class Urls {
    private Urls() {
    }

    /** Percent-encodes {@code s} for a path segment or a query value (a space is {@code %20}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Decodes one raw path segment ({@code +} stays a plus). */
    static String segment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String issue(String fingerprint) {
        return "/issues/" + encode(fingerprint);
    }

    static String apiIssue(String fingerprint) {
        return "/api/issues/" + encode(fingerprint);
    }

    static String apiTrace(String correlationId) {
        return "/api/trace/" + encode(correlationId);
    }
}
