package dev.logtally.export;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how to remote-write (Prometheus remote write 1.0), validated once at start-up: every problem is
 * a {@link ConfigException} naming its key ({@code remote_write.*}). Several URLs may be given (each store
 * gets every sample, on its own thread); authentication, TLS trust, headers and limits are shared.
 *
 * <p>{@code job} and {@code instance} become labels of every series {@code tail} writes (there is no scrape
 * to add them); {@code replay} adds neither, so that its series are exactly those of the OpenMetrics
 * backfill ({@code source="backfill"}).
 *
 * <pre>{@code
 * RemoteWriteOptions rw = RemoteWriteOptions.of(List.of("http://vm:8428/api/v1/write"), "logtally", "host-1")
 *         .withHeaders(Map.of("X-Scope-OrgID", "team-a"));
 * }</pre>
 *
 * @param urls       the stores' write endpoints, http or https
 * @param job        label {@code job} of {@code tail}'s series
 * @param instance   label {@code instance} of {@code tail}'s series
 * @param interval   time between two writes of {@code tail}
 * @param timeout    bound of one request, connection and answer included
 * @param auth       how to authenticate (as for the push)
 * @param caFile     PEM file of the CA certificate(s) to trust for https, or null for the JDK's
 * @param headers    extra HTTP headers, e.g. {@code X-Scope-OrgID} for a multi-tenant store
 * @param maxSamples most samples in one request
 */
public record RemoteWriteOptions(List<URI> urls, String job, String instance, Duration interval, Duration timeout,
                                 PushAuth auth, Path caFile, Map<String, String> headers, int maxSamples) {
    /** {@code remote_write.timeout} when not configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** {@code remote_write.max.samples} when not configured (Prometheus' own {@code max_samples_per_send}). */
    public static final int DEFAULT_MAX_SAMPLES = 2000;
    /** {@code remote_write.job} when not configured. */
    public static final String DEFAULT_JOB = "logtally";
    /** Headers the protocol or the auth keys own. */
    private static final Set<String> RESERVED = Set.of("authorization", "content-type", "content-encoding",
            "content-length", "host", "x-prometheus-remote-write-version", "user-agent");

    public RemoteWriteOptions {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException("remote_write.url", "is empty");
        }
        for (URI u : urls) {
            checkUrl(u);
        }
        checkLabel("remote_write.job", job);
        checkLabel("remote_write.instance", instance);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new ConfigException("remote_write.interval", "must be a positive duration, got " + interval);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigException("remote_write.timeout", "must be a positive duration, got " + timeout);
        }
        auth = auth == null ? PushAuth.NONE : auth;
        if (caFile != null && urls.stream().noneMatch(u -> "https".equals(u.getScheme()))) {
            throw new ConfigException("remote_write.tls.ca.file", "is set but no remote_write.url is https");
        }
        headers = new TreeMap<>(headers);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            checkHeader(h.getKey(), h.getValue());
        }
        headers = Map.copyOf(headers);
        if (maxSamples < 1 || maxSamples > 1_000_000) {
            throw new ConfigException("remote_write.max.samples", maxSamples + " is outside 1..1000000");
        }
    }

    /**
     * Options with default interval (10s), timeout, batch size, no auth, no headers.
     *
     * @throws ConfigException when a URL is not an http(s) URL
     */
    public static RemoteWriteOptions of(List<String> urls, String job, String instance) {
        List<URI> parsed = new ArrayList<>();
        for (String url : urls) {
            try {
                parsed.add(new URI(url.trim()));
            } catch (URISyntaxException e) {
                throw new ConfigException("remote_write.url", "not a URL: " + PushOptions.withoutCredentials(url)
                        + " (expected e.g. http://HOST:8428/api/v1/write)");
            }
        }
        return new RemoteWriteOptions(parsed, job, instance, Duration.ofSeconds(10), DEFAULT_TIMEOUT, PushAuth.NONE,
                null, Map.of(), DEFAULT_MAX_SAMPLES);
    }

    public RemoteWriteOptions withInterval(Duration interval) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    public RemoteWriteOptions withTimeout(Duration timeout) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    public RemoteWriteOptions withAuth(PushAuth auth) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    public RemoteWriteOptions withCaFile(Path caFile) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    public RemoteWriteOptions withHeaders(Map<String, String> headers) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    public RemoteWriteOptions withMaxSamples(int maxSamples) {
        return new RemoteWriteOptions(urls, job, instance, interval, timeout, auth, caFile, headers, maxSamples);
    }

    /** {@code tail}'s labels on every series: {@code job} and {@code instance}. */
    public Map<String, String> tailLabels() {
        return Map.of("job", job, "instance", instance);
    }

    /**
     * Parses {@code remote_write.headers}: {@code Name=value} pairs separated by commas.
     *
     * @throws ConfigException on a pair without {@code =}
     */
    public static Map<String, String> parseHeaders(List<String> pairs) {
        Map<String, String> out = new TreeMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("remote_write.headers", "'" + p + "' is not Name=value");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    /** The effective remote-write configuration by key, secrets shown as {@code ****} with their source. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("remote_write.url", String.join(", ", urls.stream().map(URI::toString).toList()));
        out.put("remote_write.job", job);
        out.put("remote_write.instance", instance);
        out.put("remote_write.interval", Durations.format(interval));
        out.put("remote_write.timeout", Durations.format(timeout));
        out.put("remote_write.max.samples", Integer.toString(maxSamples));
        if (!headers.isEmpty()) {
            out.put("remote_write.headers", String.join(",", new TreeMap<>(headers).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        auth.describeInto("remote_write", out);
        if (caFile != null) {
            out.put("remote_write.tls.ca.file", caFile.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "RemoteWriteOptions" + describe();
    }

    private static void checkUrl(URI url) {
        PushOptions.checkHttpUrl("remote_write", url);
        if (url.getRawFragment() != null) {
            throw new ConfigException("remote_write.url", "must not have a fragment: " + url);
        }
    }

    private static void checkLabel(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key, "is empty");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(key, "must not contain control characters");
        }
    }

    private static void checkHeader(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0))) {
            throw new ConfigException("remote_write.headers", "'" + name + "' is not an HTTP header name");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ConfigException("remote_write.headers", name + " is set by logtally itself"
                    + (name.equalsIgnoreCase("authorization") ? " (use remote_write.username/password or remote_write.bearer)" : ""));
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new ConfigException("remote_write.headers", name + " has a line break in its value");
        }
    }
}
