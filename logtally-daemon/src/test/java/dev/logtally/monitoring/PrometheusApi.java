package dev.logtally.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus's HTTP API as the tests need it: instant queries, the rules and alerts, label values. An
 * invalid query fails with Prometheus's own error message.
 *
 * <pre>{@code
 * PrometheusApi api = new PrometheusApi(prometheus.url());
 * JsonNode series = api.result("up{job=\"pushgateway\"}");
 * }</pre>
 */
final class PrometheusApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    PrometheusApi(String base) {
        this.base = base;
    }

    /** The {@code data.result} of an instant query (an array for vectors); fails when Prometheus refuses it. */
    JsonNode result(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), "query " + promql)
                .path("data").path("result");
    }

    /** {@code data.groups} of {@code /api/v1/rules}. */
    JsonNode ruleGroups() {
        return get("/api/v1/rules", "rules").path("data").path("groups");
    }

    /** Every alert pending or firing now, as {@code alertname{labels} state}. */
    List<String> activeAlerts() {
        List<String> out = new ArrayList<>();
        for (JsonNode a : get("/api/v1/alerts", "alerts").path("data").path("alerts")) {
            out.add(a.path("labels").path("alertname").asString() + a.path("labels") + " " + a.path("state").asString());
        }
        return out;
    }

    /** Values of {@code label} on series matching {@code match}. */
    List<String> labelValues(String label, String match) {
        List<String> out = new ArrayList<>();
        get("/api/v1/label/" + label + "/values?match[]=" + URLEncoder.encode(match, StandardCharsets.UTF_8), "label values")
                .path("data").forEach(v -> out.add(v.asString()));
        return out;
    }

    private JsonNode get(String path, String what) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200 || !body.path("status").asString().equals("success")) {
                throw new AssertionError("Prometheus refused " + what + ": " + r.statusCode() + " " + r.body());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Prometheus " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
