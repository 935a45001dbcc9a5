package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Prometheus scrapes {@link MetricsServer} and stores exactly what it serves. */
class MetricsServerPrometheusTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** The one value of an instant query, or null while Prometheus has none. */
    private static String query(RealProgram prometheus, String promql) {
        JsonNode result = JSON.readTree(prometheus.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .path("data").path("result");
        return result.size() == 1 ? result.get(0).path("value").get(1).asString() : null;
    }

    @Test
    void prometheusScrapesExactValues() throws Exception {
        try (MetricsServer server = MetricsServer.start(MetricsServer.address("127.0.0.1:0"), Fixtures::snapshot)) {
            Path config = tmp.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: logtally\n"
                    + "    static_configs:\n      - targets: ['127.0.0.1:" + server.port() + "']\n", StandardCharsets.UTF_8);
            try (RealProgram prometheus = RealProgram.prometheus(tmp, config)) {
                String depth = Poll.forValue(Duration.ofSeconds(30), "Prometheus to scrape app_queue_depth",
                        () -> query(prometheus, "app_queue_depth"));
                assertEquals("17.5", depth);
                assertEquals("1", query(prometheus, "up{job=\"logtally\"}"));
                assertEquals("3", query(prometheus, "app_request_duration_seconds_bucket{method=\"GET /orders\",le=\"0.025\"}"));
                assertEquals("7", query(prometheus, "app_request_duration_seconds_count{method=\"GET /orders\"}"));
                assertEquals("12.612345678", query(prometheus, "app_request_duration_seconds_sum{method=\"GET /orders\"}"));
                assertEquals("1", query(prometheus, "app_errors_total{error_type=\"quote\\\"back\\\\slash\\nnewline\"}"));
                assertEquals("1234567", query(prometheus, "logtally_lines_total"));
                assertEquals("+Inf", query(prometheus, "app_ratio{kind=\"inf\"}"));
                // Every series of the fixture and nothing else (no _created): 2 + 1 + 5 + 2 * (12 + 2) + 1 = 37.
                assertEquals("37", query(prometheus, "count({job=\"logtally\",__name__=~\"app_.*|logtally_.*\"})"));
            }
        }
    }
}
