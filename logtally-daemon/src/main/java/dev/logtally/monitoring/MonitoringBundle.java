package dev.logtally.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole monitoring bundle of one service, as relative path → file text: Prometheus's configuration,
 * rules and their promtool tests, Alertmanager's routing and templates, the Grafana dashboard and its
 * provisioning, the compose file and the tailer's properties. Rendering is a pure function of the
 * settings, so the same settings always give the same bytes (the shipped {@code monitoring/} is this for
 * {@code samples/monitoring.properties}).
 *
 * <pre>{@code
 * Map<String, String> files = MonitoringBundle.render(settings);
 * files.get("prometheus/rules/error-tracking.yml");
 * }</pre>
 */
public final class MonitoringBundle {
    /** Files rendered from resources as they are, besides {@code @NAMESPACE@}. */
    private static final List<String> STATIC = List.of(
            "prometheus/prometheus.yml",
            "prometheus/targets/logtally.yml",
            "alertmanager/alertmanager.yml",
            "alertmanager/templates/logtally.tmpl",
            "grafana/provisioning/dashboards/logtally.yml",
            "grafana/provisioning/datasources/prometheus.yml");

    private MonitoringBundle() {
    }

    public static Map<String, String> render(MonitoringSettings s) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : STATIC) {
            files.put(f, resource(f).replace("@NAMESPACE@", s.namespace()));
        }
        files.put("alertmanager/secrets/.gitignore", resource("alertmanager/secrets/gitignore"));
        files.put("prometheus/rules/error-tracking.yml", new RuleRenderer(s).render());
        new RuleTestRenderer(s).render().forEach((name, text) -> files.put("prometheus/rules/tests/" + name, text));
        files.put("grafana/dashboards/error-tracking.json", new DashboardRenderer(s).render());
        files.put("docker-compose.yml", ComposeRenderer.compose(s));
        files.put("tailer/tailer.properties", ComposeRenderer.tailerProperties(s));
        return files;
    }

    private static String resource(String path) {
        try (InputStream in = MonitoringBundle.class.getResourceAsStream("/monitoring/" + path)) {
            if (in == null) {
                throw new IllegalStateException("resource /monitoring/" + path + " missing from logtally's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
