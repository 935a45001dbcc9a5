package dev.logtally.export;

import dev.logtally.base.Secret;
import dev.logtally.base.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to push, validated once at start-up: every problem is a {@link ConfigException} naming
 * its key ({@code push.url}, {@code push.job}, {@code push.instance}, {@code push.timeout},
 * {@code push.tls.ca.file}).
 *
 * <p>Grouping values ({@code job}, {@code instance}) are limited to {@code [A-Za-z0-9._-]} (and not
 * {@code .} or {@code ..}): simpleclient URL-encodes them, so a space would silently become {@code +} in
 * the Pushgateway's {@code job} label. The URL must not carry credentials ({@code user:pass@}): they
 * belong in {@code push.username} and a password file or variable, which never appear in a message.
 *
 * <pre>{@code
 * PushOptions options = PushOptions.of("https://pg.example:9091", "checkout", "host-1")
 *         .withTimeout(Duration.ofSeconds(5))
 *         .withAuth(new PushAuth.Basic("pusher", Secret.fromEnv("PG_PASSWORD", "push.password.env", System::getenv)))
 *         .withCaFile(Path.of("/etc/logtally/ca.pem"));
 * options.describe(); // {push.url=https://pg.example:9091, ..., push.password=****}
 * }</pre>
 *
 * @param url      the Pushgateway's base URL, {@code http} or {@code https}, no trailing {@code /}
 * @param job      grouping key {@code job}
 * @param instance grouping key {@code instance}
 * @param timeout  bound of one push attempt, connection and answer included
 * @param auth     how to authenticate
 * @param caFile   PEM file of the CA certificate(s) to trust for {@code https}, or null for the JDK's
 */
public record PushOptions(URI url, String job, String instance, Duration timeout, PushAuth auth, Path caFile) {
    /** {@code push.timeout} when not configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public PushOptions {
        Objects.requireNonNull(url, "url");
        checkUrl(url);
        checkGroupingValue("push.job", job);
        checkGroupingValue("push.instance", instance);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("push.timeout", "must be a positive duration, got " + timeout);
        }
        auth = auth == null ? PushAuth.NONE : auth;
        if (caFile != null && !"https".equals(url.getScheme())) {
            throw new ConfigException("push.tls.ca.file", "is set but push.url is not https");
        }
    }

    /**
     * Options with the default timeout, no auth and the JDK's trusted CAs.
     *
     * @throws ConfigException when {@code url} is not an http(s) URL, or job/instance are not safe values
     */
    public static PushOptions of(String url, String job, String instance) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("push.url", "is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("push.url", "not a URL: " + withoutCredentials(url)
                    + " (expected http://HOST:PORT or https://HOST:PORT)");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return new PushOptions(URI.create(text), job, instance, DEFAULT_TIMEOUT, PushAuth.NONE, null);
    }

    public PushOptions withTimeout(Duration timeout) {
        return new PushOptions(url, job, instance, timeout, auth, caFile);
    }

    public PushOptions withAuth(PushAuth auth) {
        return new PushOptions(url, job, instance, timeout, auth, caFile);
    }

    public PushOptions withCaFile(Path caFile) {
        return new PushOptions(url, job, instance, timeout, auth, caFile);
    }

    /** The effective push configuration by key, secrets shown as {@code ****} with where they came from. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("push.url", url.toString());
        out.put("push.job", job);
        out.put("push.instance", instance);
        out.put("push.timeout", dev.logtally.base.Durations.format(timeout));
        auth.describeInto("push", out);
        if (caFile != null) {
            out.put("push.tls.ca.file", caFile.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "PushOptions" + describe();
    }

    private static void checkUrl(URI url) {
        checkHttpUrl("push", url);
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ConfigException("push.url", "must not have a query or fragment: " + url);
        }
    }

    /**
     * What every URL logtally sends to must be ({@code PREFIX.url}): http or https, a host, no credentials
     * in it (they belong in {@code PREFIX.username} and a password file or variable).
     */
    static void checkHttpUrl(String prefix, URI url) {
        String key = prefix + ".url";
        if (url.getRawUserInfo() != null) {
            throw new ConfigException(key, "must not carry credentials (user:password@); use " + prefix + ".username "
                    + "with " + prefix + ".password.file or " + prefix + ".password.env");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new ConfigException(key, "must start with http:// or https://, got " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new ConfigException(key, "has no host: " + url);
        }
    }

    private static void checkGroupingValue(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key, "is empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new ConfigException(key, "must not be '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!safe) {
                throw new ConfigException(key, "'" + value + "' has '" + c + "' at position " + (i + 1)
                        + "; use only letters, digits, '.', '_' and '-'");
            }
        }
    }

    /** {@code url} with anything between {@code //} and the last {@code @} masked. */
    static String withoutCredentials(String url) {
        int at = url.lastIndexOf('@');
        int start = url.indexOf("//");
        if (at < 0 || start < 0 || at < start) {
            return url;
        }
        return url.substring(0, start + 2) + Secret.MASK + url.substring(at);
    }
}
