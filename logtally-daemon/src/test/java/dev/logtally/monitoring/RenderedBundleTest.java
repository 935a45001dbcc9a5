package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The bundle {@code logtally monitoring} renders for a second service, unlike the sample: namespace
 * {@code shop}, no gauges, two error types of its own (one exact, one a regular expression), a per-method
 * latency objective ({@code src/test/resources/monitoring/shop.properties}). The real {@code promtool},
 * {@code amtool} and {@code docker-compose} check it as they check the shipped files (which are the
 * sample's bundle: {@link MonitoringBundleTest}); the compose files of both bundles pass
 * {@code docker-compose config -q}. That its dashboard queries return data is {@link SecondServiceStackIT}.
 */
class RenderedBundleTest {
    static final Path SHOP_SETTINGS = Project.module().resolve("src/test/resources/monitoring/shop.properties");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path tmp;
    static Path shop;

    @BeforeAll
    static void render() throws IOException {
        shop = tmp.resolve("shop");
        BundleWriter.write(shop, MonitoringBundle.render(MonitoringSettingsLoader.load("shop", SHOP_SETTINGS)));
    }

    /** Renders the shop's bundle into {@code dir} (new or empty). */
    static Path renderShop(Path dir) throws IOException {
        BundleWriter.write(dir, MonitoringBundle.render(MonitoringSettingsLoader.load("shop", SHOP_SETTINGS)));
        return dir;
    }

    @Test
    void rulesAndConfigPassPromtoolCheck() throws IOException {
        Path rules = shop.resolve("prometheus/rules/error-tracking.yml");
        long entries = Files.readAllLines(rules).stream().filter(l -> l.matches("\\s*- (alert|record):.*")).count();
        assertEquals(19, entries, "6 recording rules, 13 alerts");
        assertTrue(promtool("check", "rules", rules.toString()).output().contains("SUCCESS: 19 rules found"));
        ProgramRun.Result r = promtool("check", "config", shop.resolve("prometheus/prometheus.yml").toString());
        assertTrue(r.output().contains("SUCCESS: 1 rule files found") && !r.output().contains("WARNING"), r.output());
    }

    @Test
    void everyRuleTestPassesAndEveryAlertIsTestedFiringAndSilent() {
        Path tests = shop.resolve("prometheus/rules/tests");
        List<String> files = List.of("anomaly.yml", "errors.yml", "service.yml", "tailer.yml");
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(files);
        ProgramRun.Result r = ProgramRun.run(TIMEOUT, tests, Map.of(),
                prepend(RealProgram.requireProgram("promtool", "prometheus").toString(), args)).assertSuccess("promtool test rules");
        for (String f : files) {
            assertTrue(r.output().contains("Unit Testing:  " + f + "\n  SUCCESS"), r.output());
        }
        Set<String> alerts = RuleFile.alerts(shop.resolve("prometheus/rules/error-tracking.yml")).keySet();
        assertEquals(Set.of("HighErrorRate", "CriticalErrorBurst", "ErrorRateAnomaly", "PaymentDeclined", "InventoryErrors",
                "SlowResponses", "TailerNotPushing", "TailerPushFailing", "TailerLagging", "TailerParseErrors",
                "TailerSeriesDropped", "PushgatewayDown"), alerts, "no gauge alerts, no MemoryGrowth without gauges");
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (String f : files) {
            for (RuleFile.AlertCase c : RuleFile.alertCases(tests.resolve(f))) {
                kinds.computeIfAbsent(c.alertname(), k -> new TreeSet<>()).add(c.expectsFiring() ? "fires" : "silent");
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        alerts.forEach(a -> expected.put(a, Set.of("fires", "silent")));
        assertEquals(expected, kinds);
    }

    @Test
    void theRulesCarryTheShopsThresholds() throws IOException {
        String rules = Files.readString(shop.resolve("prometheus/rules/error-tracking.yml"));
        for (String expr : List.of(
                "expr: job_service:shop_error_ratio:rate5m > 0.1\n",
                "expr: sum by (job, service) (rate(shop_errors_total[1m])) > 5\n",
                "expr: sum by (job, service, error_type) (rate(shop_errors_total{error_type=~\"payment_declined\"}[5m])) > 0.2\n",
                "expr: sum by (job, service, error_type) (rate(shop_errors_total{error_type=~\"inventory_.*\"}[5m])) > 0.1\n",
                "(rate(shop_request_duration_seconds_bucket{method=\"checkout\"}[5m]))\n          ) > 2\n",
                "(rate(shop_request_duration_seconds_bucket{method!~\"checkout\"}[5m]))\n          ) > 0.5\n",
                "time() - push_time_seconds > 90\n",
                "expr: logtally_lag_seconds > 30\n")) {
            assertTrue(rules.contains(expr), expr + " missing from:\n" + rules);
        }
        assertTrue(!rules.contains("loka_stratum"), rules);
    }

    @Test
    void alertmanagerConfigPassesAmtool() {
        Path config = shop.resolve("alertmanager/alertmanager.yml");
        ProgramRun.Result r = ProgramRun.run(TIMEOUT, config.getParent(), Map.of(),
                RealProgram.requireProgram("amtool", "prometheus-alertmanager").toString(), "check-config", config.toString())
                .assertSuccess("amtool check-config");
        assertTrue(r.output().contains(" - 1 inhibit rules\n - 3 receivers\n - 1 templates\n"), r.output());
    }

    @Test
    void dashboardQueriesAreValidPromqlOverTheShopsMetricsWithoutGaugePanels() {
        Path dashboard = shop.resolve("grafana/dashboards/error-tracking.json");
        Pattern metric = Pattern.compile("\\b(shop_\\w+|loka_stratum_\\w+|logtally_\\w+|push_\\w+|job_service:\\w+:\\w+)");
        Set<String> known = Set.of("shop_errors_total", "shop_request_duration_seconds_bucket", "shop_request_duration_seconds_count",
                "logtally_pushes_total", "logtally_push_failures_total", "logtally_lag_seconds", "logtally_lines_total",
                "logtally_parse_errors_total", "logtally_series_dropped_total", "push_time_seconds", "job_service:shop_errors:zscore1d");
        assertEquals(19, DashboardQueries.checkWithPromtool(dashboard, tmp, metric, known));
        JsonNode json = DashboardQueries.json(dashboard);
        List<String> rows = new ArrayList<>();
        json.path("panels").forEach(p -> {
            if (p.path("type").asString().equals("row")) {
                rows.add(p.path("title").asString());
            }
        });
        assertEquals(List.of("Errors", "Latency", "Alerts", "logtally (the tailer)"), rows);
        assertEquals("http://shop-tailer:9400", json.path("templating").path("list").get(3).path("query").asString());
    }

    @Test
    void composeFilesOfBothBundlesPassDockerComposeConfig() throws IOException {
        Path sample = tmp.resolve("sample");
        BundleWriter.write(sample, MonitoringBundle.render(MonitoringBundleTest.sample()));
        Path dc = RealProgram.requireProgram("docker-compose", "docker-compose");
        for (Path bundle : List.of(shop, sample)) {
            ProgramRun.run(TIMEOUT, bundle, Map.of(), dc.toString(), "-f", bundle.resolve("docker-compose.yml").toString(),
                    "config", "-q").assertSuccess("docker-compose config -q of " + bundle);
        }
        String compose = Files.readString(shop.resolve("docker-compose.yml"));
        assertTrue(compose.contains("      - --path=/var/log/shop-api/shop-api.log\n") && compose.contains("      - --job=shop-api\n")
                && !compose.contains("demo-app"), compose);
        assertEquals("""
                # logtally tail's configuration for docker-compose.yml (flags given there win). Rendered by
                # `logtally monitoring`. Keys and defaults: README, "Configuration".
                namespace=shop
                push.interval=10s
                """, Files.readString(shop.resolve("tailer/tailer.properties")));
    }

    private static ProgramRun.Result promtool(String... args) {
        return ProgramRun.run(TIMEOUT, shop, Map.of(), prepend(RealProgram.requireProgram("promtool", "prometheus").toString(),
                List.of(args))).assertSuccess("promtool " + String.join(" ", args));
    }

    private static String[] prepend(String program, List<String> args) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(args);
        return all.toArray(String[]::new);
    }
}
