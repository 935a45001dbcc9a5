package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The shipped Grafana dashboard, without Grafana: the panels the issue asks for, the data source as a
 * variable everywhere, every query valid PromQL (the real {@code promtool} parses it) over metrics logtally
 * produces, and the provisioning that loads it. That each query returns data is proven against a live
 * Prometheus in {@link ErrorTrackingStackIT}.
 */
class DashboardTest {
    /** What Grafana puts in place of the variables with "All" selected. */
    static final Map<String, String> ALL = Map.of("__rate_interval", "1m", "job", ".*", "method", ".*");

    private static final Map<String, String> DATASOURCE = Map.of("type", "prometheus", "uid", "${datasource}");
    private static final Pattern METRIC = Pattern.compile("\\b(loka_stratum_\\w+|logtally_\\w+|push_\\w+|job_service:\\w+:\\w+)");
    private static final Set<String> KNOWN_METRICS = Set.of(
            "loka_stratum_errors_total", "loka_stratum_request_duration_seconds_bucket",
            "loka_stratum_request_duration_seconds_count", "loka_stratum_active_connections",
            "loka_stratum_message_queue_size", "loka_stratum_pool_connected", "loka_stratum_memory_used_bytes",
            "logtally_pushes_total", "logtally_push_failures_total", "logtally_lag_seconds", "logtally_lines_total",
            "logtally_parse_errors_total", "logtally_series_dropped_total", "push_time_seconds",
            "job_service:loka_stratum_errors:zscore1d");

    private final Path dashboard = Assets.file("grafana/dashboards/error-tracking.json");
    private final JsonNode json = DashboardQueries.json(dashboard);

    @TempDir
    Path tmp;

    @Test
    void hasThePanelsOfTheIssueInOrder() {
        List<String> titles = DashboardQueries.panels(json).stream().map(p -> p.path("title").asString()).toList();
        assertEquals(List.of(
                "Error rate", "Errors per second", "Requests per second", "Firing alerts",
                "Error rate by service", "Errors by type", "Error rate against its baseline (z-score)", "Error groups",
                "Latency per method: p50, p95, p99", "Requests per method",
                "Active connections", "Message queue size", "Pool connected", "Memory used, and where the last hour leads",
                "Firing and pending alerts",
                "Time since the last successful push", "Pushes and push failures", "Lag behind the logs", "Lines read",
                "Parse errors by reason", "Series dropped by the cardinality guard"), titles);
        List<String> latency = DashboardQueries.read(dashboard).stream()
                .filter(q -> q.panel().startsWith("Latency per method")).map(DashboardQueries.Query::expr).toList();
        assertEquals(3, latency.size(), latency.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(latency.get(i).startsWith("histogram_quantile(" + List.of("0.50", "0.95", "0.99").get(i) + ", sum by (method, le) ("),
                    latency.get(i));
        }
    }

    @Test
    void theDataSourceIsAVariableOfEveryPanelAndTarget() {
        JsonNode ds = json.path("templating").path("list").get(0);
        assertEquals("datasource/datasource/prometheus", ds.path("name").asString() + "/" + ds.path("type").asString()
                + "/" + ds.path("query").asString());
        List<String> wrong = new ArrayList<>();
        for (JsonNode p : DashboardQueries.panels(json)) {
            if (p.path("type").asString().equals("text")) {
                continue; // no queries
            }
            if (!datasource(p.path("datasource"))) {
                wrong.add(p.path("title").asString());
            }
            for (JsonNode t : p.path("targets")) {
                if (!datasource(t.path("datasource"))) {
                    wrong.add(p.path("title").asString() + " " + t.path("refId").asString());
                }
            }
        }
        for (JsonNode v : json.path("templating").path("list")) {
            if (v.path("type").asString().equals("query") && !datasource(v.path("datasource"))) {
                wrong.add("variable " + v.path("name").asString());
            }
        }
        assertEquals(List.of(), wrong, "not using the datasource variable");
    }

    @Test
    void jobAndMethodVariablesOfferAll() {
        List<String> vars = new ArrayList<>();
        for (JsonNode v : json.path("templating").path("list")) {
            vars.add(v.path("name").asString() + ":" + v.path("type").asString() + ":" + v.path("includeAll").asBoolean()
                    + ":" + v.path("allValue").asString(""));
        }
        assertEquals(List.of("datasource:datasource:false:", "job:query:true:.*", "method:query:true:.*",
                "issues_url:textbox:false:"), vars);
    }

    @Test
    void everyQueryIsValidPromqlOverKnownMetrics() {
        assertEquals(24, DashboardQueries.checkWithPromtool(dashboard, tmp, METRIC, KNOWN_METRICS));
    }

    @Test
    void errorPanelsLinkToTheIssuesPageAndATextPanelSaysWhereGroupsLive() {
        JsonNode issues = json.path("templating").path("list").get(3);
        assertEquals("http://localhost:9400", issues.path("query").asString());
        List<String> links = new ArrayList<>();
        String text = null;
        for (JsonNode p : DashboardQueries.panels(json)) {
            for (JsonNode l : p.path("fieldConfig").path("defaults").path("links")) {
                links.add(p.path("title").asString() + " -> " + l.path("url").asString());
            }
            if (p.path("type").asString().equals("text")) {
                text = p.path("options").path("content").asString();
            }
        }
        assertEquals(List.of("Errors by type -> ${issues_url}/issues?error_type=${__field.labels.error_type}"), links);
        assertTrue(text != null && text.contains("[${issues_url}/issues](${issues_url}/issues)")
                && text.contains("`logtally errors /var/log/loka-stratum --since 1h`"), text);
    }

    @Test
    void substitutionRefusesUnknownVariables() {
        assertEquals("rate(x{job=~\".*\"}[1m])", DashboardQueries.substitute("rate(x{job=~\"$job\"}[$__rate_interval])", ALL));
        assertEquals("up{job=~\".*\"}", DashboardQueries.substitute("up{job=~\"${job}\"}", ALL));
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> DashboardQueries.substitute("rate(x[$__interval])", ALL));
        assertEquals("unknown template variable $__interval in rate(x[$__interval])", e.getMessage());
    }

    @Test
    void provisioningLoadsThePrometheusDataSourceAndTheDashboardFolder() throws IOException {
        String ds = Files.readString(Assets.file("grafana/provisioning/datasources/prometheus.yml"));
        assertTrue(ds.contains("    type: prometheus\n") && ds.contains("    url: http://prometheus:9090\n"), ds);
        String provider = Files.readString(Assets.file("grafana/provisioning/dashboards/logtally.yml"));
        assertTrue(provider.contains("    type: file\n") && provider.contains("      path: /var/lib/grafana/dashboards/logtally\n"), provider);
        String compose = Files.readString(Assets.file("docker-compose.yml"));
        assertTrue(compose.contains("      - ./grafana/dashboards:/var/lib/grafana/dashboards/logtally:ro\n")
                && compose.contains("      - ./grafana/provisioning:/etc/grafana/provisioning:ro\n"), "docker-compose mounts");
        assertEquals("logtally-error-tracking", json.path("uid").asString());
    }

    private static boolean datasource(JsonNode node) {
        return node.isObject() && node.propertyNames().size() == 2
                && DATASOURCE.get("type").equals(node.path("type").asString())
                && DATASOURCE.get("uid").equals(node.path("uid").asString());
    }
}
