package dev.logtally.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts alerts to Alertmanager's API v2 ({@code POST <url>/api/v2/alerts}, a JSON array of
 * {@code {labels, annotations, startsAt, endsAt, generatorURL}}) at every configured URL, with the push's
 * TLS trust and {@code Authorization} header ({@link CaTrust}, {@link Credentials}) and bounded by
 * {@code alertmanager.timeout}. A post counts as delivered when at least one Alertmanager accepted it
 * (2xx): the instances of an HA cluster share alerts among themselves, as Prometheus relies on.
 *
 * <pre>{@code
 * AlertmanagerClient am = new AlertmanagerClient(options.alerts());
 * String failure = am.post(List.of(alert));   // null when delivered
 * }</pre>
 */
public final class AlertmanagerClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AlertOptions options;
    private final SSLSocketFactory tls;
    private final String authorization;
    private final List<String> secrets;

    public AlertmanagerClient(AlertOptions options) {
        this.options = options;
        this.tls = options.caFile() == null ? null : CaTrust.socketFactory(options.caFile(), "alertmanager.tls.ca.file");
        Credentials credentials = Credentials.of(options.auth());
        this.authorization = credentials.header();
        this.secrets = credentials.secrets();
    }

    /** Posts {@code alerts} to every Alertmanager; null when one accepted them, else why none did (one line). */
    public String post(List<Map<String, Object>> alerts) {
        byte[] body = JSON.writeValueAsBytes(alerts);
        List<String> failures = new ArrayList<>();
        boolean delivered = false;
        for (URI url : options.urls()) {
            String f = postOne(url, body);
            if (f == null) {
                delivered = true;
            } else {
                failures.add(f);
            }
        }
        return delivered ? null : String.join("; ", failures);
    }

    private String postOne(URI base, byte[] body) {
        String target = base + "/api/v2/alerts";
        AttemptConnection factory = new AttemptConnection(tls, authorization, (int) options.timeout().toMillis());
        HttpURLConnection c = null;
        try {
            c = factory.create(target);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            String answer = read(status >= 400 ? c.getErrorStream() : c.getInputStream());
            if (status / 100 == 2) {
                return null;
            }
            return mask(target + " answered " + status + ": " + oneLine(answer));
        } catch (IOException e) {
            return mask(target + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage())));
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            byte[] b = in.readNBytes(300);
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private String mask(String s) {
        String out = s;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, dev.logtally.base.Secret.MASK);
            }
        }
        return out;
    }
}
