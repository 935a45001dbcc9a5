package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The bundle rendered for a second service ({@code shop}: no gauges, error types of its own; see
 * {@link RenderedBundleTest}) on the real Pushgateway, Prometheus and Alertmanager ({@link ErrorTrackingStack}
 * with the rendered files): the test writes the service's log lines (the contract's JSON) itself, the
 * packaged {@code logtally tail} follows them and pushes, and every query of the rendered dashboard returns
 * data; the service's own alert on an error type (PaymentDeclined) reaches the webhook with its labels.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90)
class SecondServiceStackIT {
    static final String JOB = "shop-api";
    static final String INSTANCE = "shop-1";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> ERROR_TYPES = List.of("payment_declined", "inventory_out_of_sync", "payment_declined",
            "rare_a", "payment_declined", "rare_b", "rare_c", "rare_d");

    @TempDir
    static Path tmp;
    static ErrorTrackingStack stack;
    static PrometheusApi prometheus;
    static ScheduledExecutorService writer;
    static LogtallyProcess tail;
    static Path log;
    static long batch;

    @BeforeAll
    static void start() throws IOException {
        Path bundle = RenderedBundleTest.renderShop(tmp.resolve("bundle"));
        stack = ErrorTrackingStack.start(tmp, bundle);
        prometheus = stack.prometheusApi();
        log = Files.createDirectories(tmp.resolve("logs")).resolve("shop-api.log");
        Files.writeString(log, "this line is not JSON\n", StandardCharsets.UTF_8);
        // The rendered tailer configuration, with a tiny cardinality limit so the guard has something to fold.
        Path config = Files.writeString(tmp.resolve("tailer.properties"),
                Files.readString(bundle.resolve("tailer/tailer.properties")) + "labels.max.values=3\n");
        writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(SecondServiceStackIT::writeBatch, 0, 100, TimeUnit.MILLISECONDS);
        tail = LogtallyProcess.start(tmp.resolve("out"), "tail", "--path", log.toString(), "--state-dir",
                tmp.resolve("state").toString(), "--push", stack.pushgateway().url(), "--job", JOB, "--instance", INSTANCE,
                "--push-interval", "1s", "--config", config.toString());
        Poll.until(DEADLINE, "logtally tail's first push of shop_ metrics", () -> {
            if (!tail.isAlive()) {
                throw new AssertionError("logtally tail died:\n" + tail.output());
            }
            return stack.pushgateway().get("/metrics").contains("shop_request_duration_seconds_count{");
        });
    }

    /** Every 100 ms: three requests (checkout slow, search fast) and one error of the next type. */
    private static void writeBatch() {
        String now = Instant.now().toString();
        long n = batch++;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            boolean checkout = i == 0;
            b.append("{\"@timestamp\":\"").append(now).append("\",\"message\":\"request\",\"logger_name\":\"shop.Api\",")
                    .append("\"thread_name\":\"main\",\"level\":\"INFO\",\"correlation_id\":\"c").append(n).append('-').append(i)
                    .append("\",\"method\":\"").append(checkout ? "checkout" : "search").append("\",\"duration_ms\":")
                    .append(checkout ? 800 + n % 7 : 20 + n % 5).append(",\"service\":\"shop-api\"}\n");
        }
        b.append("{\"@timestamp\":\"").append(now).append("\",\"message\":\"failed\",\"logger_name\":\"shop.Api\",")
                .append("\"thread_name\":\"main\",\"level\":\"ERROR\",\"correlation_id\":\"e").append(n)
                .append("\",\"error_type\":\"").append(ERROR_TYPES.get((int) (n % ERROR_TYPES.size())))
                .append("\",\"service\":\"shop-api\"}\n");
        try {
            Files.writeString(log, b, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (writer != null) {
            writer.shutdownNow();
        }
        if (tail != null) {
            tail.terminate(60);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyDashboardQueryOfTheSecondServiceReturnsData() {
        Poll.until(DEADLINE, "firing alerts in ALERTS", () -> !prometheus.result("ALERTS{alertstate=\"firing\"}").isEmpty());
        List<DashboardQueries.Query> queries = DashboardQueries.read(tmp.resolve("bundle/grafana/dashboards/error-tracking.json"));
        assertEquals(19, queries.size());
        Map<String, String> empty = new TreeMap<>();
        try {
            Poll.until(DEADLINE, "every dashboard query to return data", () -> {
                empty.clear();
                for (DashboardQueries.Query q : queries) {
                    String promql = DashboardQueries.substitute(q.expr(), DashboardTest.ALL);
                    if (prometheus.result(promql).isEmpty()) {
                        empty.put(q.panel() + " " + q.refId(), promql);
                    }
                }
                return empty.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError("queries without data: " + empty + "\nlogtally tail:\n" + tail.output(), e);
        }
        for (DashboardQueries.Query q : queries) {
            assertTrue(!q.expr().contains("loka_stratum"), q.toString());
        }
    }

    @Test
    @Order(2)
    void theServicesOwnErrorTypeAlertReachesTheWebhook() {
        JsonNode n = Poll.forValue(DEADLINE, "PaymentDeclined at the webhook", () -> stack.webhook().firing("PaymentDeclined", JOB));
        JsonNode alert = n.path("alerts").get(0);
        Map<String, String> labels = new TreeMap<>();
        alert.path("labels").forEachEntry((k, v) -> labels.put(k, v.asString()));
        assertEquals(Map.of("alertname", "PaymentDeclined", "severity", "warning", "job", JOB, "service", JOB,
                "error_type", "payment_declined"), labels);
        assertEquals("Payments declined in shop-api", alert.path("annotations").path("summary").asString());
        assertTrue(alert.path("annotations").path("description").asString().matches(
                "Job shop-api logs \\d+\\.\\d\\d payment_declined errors per second over the last 5 minutes \\(threshold 0\\.2/s\\)\\."),
                alert.toString());
    }
}
