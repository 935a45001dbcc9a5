package dev.logtally.export;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the error-group alerts go, validated once: one or more Alertmanager base URLs
 * ({@code alertmanager.url}; each alert is posted to {@code <url>/api/v2/alerts} of every one, as Prometheus
 * does), the attempt timeout, how often an active alert is re-sent, and the same authentication and TLS
 * settings as the push ({@code alertmanager.username}, {@code alertmanager.password.file|env},
 * {@code alertmanager.bearer.file|env}, {@code alertmanager.tls.ca.file}), read by the same code.
 *
 * <pre>{@code
 * AlertOptions a = AlertOptions.of(List.of("http://127.0.0.1:9093")).withResend(Duration.ofMinutes(1));
 * }</pre>
 *
 * @param urls      Alertmanager base URLs ({@code http} or {@code https}, no trailing {@code /})
 * @param timeout   bound of one POST
 * @param resend    how often an active alert is sent again (Alertmanager's client contract)
 * @param auth      basic or bearer authentication, or none
 * @param caFile    PEM CA certificates to trust for https, or null
 * @param severity  the {@code severity} label of the alerts ({@code warning} by default)
 * @param pageBase  base URL of the issues page ({@code http://<listen>}), or null when {@code listen} is not set
 * @param tracePaths the PATHs the {@code logtally trace ID PATH...} hint names (the followed files' directories)
 */
public record AlertOptions(List<URI> urls, Duration timeout, Duration resend, PushAuth auth, Path caFile,
                           String severity, String pageBase, List<String> tracePaths) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESEND = Duration.ofMinutes(1);

    public AlertOptions {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException("alertmanager.url", "is empty");
        }
        for (URI u : urls) {
            String s = u.getScheme();
            if (!"http".equals(s) && !"https".equals(s) || u.getHost() == null) {
                throw new ConfigException("alertmanager.url", "must be http:// or https:// with a host, got " + u);
            }
            if (u.getRawUserInfo() != null) {
                throw new ConfigException("alertmanager.url", "must not carry credentials; use alertmanager.username "
                        + "with alertmanager.password.file");
            }
            if (caFile != null && !"https".equals(s)) {
                throw new ConfigException("alertmanager.tls.ca.file", "is set but " + u + " is not https");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("alertmanager.timeout", "must be positive");
        }
        if (resend.isNegative() || resend.isZero()) {
            throw new ConfigException("alertmanager.resend.interval", "must be positive");
        }
        auth = auth == null ? PushAuth.NONE : auth;
        Objects.requireNonNull(severity, "severity");
        tracePaths = List.copyOf(tracePaths);
    }

    /** Options with the defaults for everything but the URLs. */
    public static AlertOptions of(List<String> urls) {
        return new AlertOptions(urls.stream().map(AlertOptions::uri).toList(), DEFAULT_TIMEOUT, DEFAULT_RESEND,
                PushAuth.NONE, null, "warning", null, List.of());
    }

    private static URI uri(String s) {
        try {
            String t = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
            return new URI(t);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("alertmanager.url", "'" + s + "' is not a URL");
        }
    }

    public AlertOptions withTimeout(Duration d) {
        return new AlertOptions(urls, d, resend, auth, caFile, severity, pageBase, tracePaths);
    }

    public AlertOptions withResend(Duration d) {
        return new AlertOptions(urls, timeout, d, auth, caFile, severity, pageBase, tracePaths);
    }

    public AlertOptions withAuth(PushAuth a) {
        return new AlertOptions(urls, timeout, resend, a, caFile, severity, pageBase, tracePaths);
    }

    public AlertOptions withCaFile(Path p) {
        return new AlertOptions(urls, timeout, resend, auth, p, severity, pageBase, tracePaths);
    }

    public AlertOptions withSeverity(String s) {
        return new AlertOptions(urls, timeout, resend, auth, caFile, s, pageBase, tracePaths);
    }

    public AlertOptions withLinks(String page, List<String> trace) {
        return new AlertOptions(urls, timeout, resend, auth, caFile, severity, page, trace);
    }

    /** The effective configuration by key, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("alertmanager.url", String.join(",", urls.stream().map(URI::toString).toList()));
        out.put("alertmanager.timeout", Durations.format(timeout));
        out.put("alertmanager.resend.interval", Durations.format(resend));
        out.put("alertmanager.severity", severity);
        PushAuth.describe(auth, "alertmanager", out);
        if (caFile != null) {
            out.put("alertmanager.tls.ca.file", caFile.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "AlertOptions" + describe();
    }
}
