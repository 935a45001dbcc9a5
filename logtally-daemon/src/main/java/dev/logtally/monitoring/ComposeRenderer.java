package dev.logtally.monitoring;

/**
 * Renders {@code docker-compose.yml} (the whole stack, pinned images) and the tailer's
 * {@code tailer/tailer.properties} for one service: the tailer follows {@code /var/log/SERVICE/SERVICE.log}
 * in the {@code app-logs} volume (mount the service's logs there) and pushes as job {@code SERVICE}. With
 * {@code compose.demo_app=true} logtally's demo service writes those logs (the sample stack), built from
 * the repository by {@code tailer/Dockerfile}.
 *
 * <pre>{@code
 * String compose = ComposeRenderer.compose(settings);
 * }</pre>
 */
final class ComposeRenderer {
    private ComposeRenderer() {
    }

    static String tailerProperties(MonitoringSettings s) {
        return "# logtally tail's configuration for docker-compose.yml (flags given there win). Rendered by\n"
                + "# `logtally monitoring`. Keys and defaults: README, \"Configuration\".\n"
                + "namespace=" + s.namespace() + "\n"
                + (s.gauges().isEmpty() ? "" : "# The service's numeric fields exported as " + s.namespace() + "_<field> gauges.\n"
                        + "gauges=" + String.join(",", s.gauges()) + "\n")
                + "push.interval=10s\n";
    }

    static String compose(MonitoringSettings s) {
        String svc = s.service();
        StringBuilder b = new StringBuilder();
        b.append("# The whole error-tracking stack for ").append(svc).append(", for users who run Docker. Rendered by `logtally monitoring`.\n");
        b.append(s.demoApp()
                ? "#   demo-app ──JSON logs──▶ tailer ──push──▶ pushgateway ◀──scrape── prometheus ──alerts──▶ alertmanager\n"
                : "#   (the service's JSON logs) ──▶ tailer ──push──▶ pushgateway ◀──scrape── prometheus ──alerts──▶ alertmanager\n");
        b.append("""
                #                                                                        ▲
                #                                                                     grafana
                #
                """);
        if (s.demoApp()) {
            b.append("#   docker compose -f monitoring/docker-compose.yml up -d --build\n");
        } else {
            b.append("#   docker build -f monitoring/tailer/Dockerfile -t logtally:0.1.0 .   # in logtally's repository\n")
                    .append("#   docker compose up -d        # here; put the service's logs in the app-logs volume\n");
        }
        b.append("""
                #   monitoring/test-error-tracking.sh       # the manual check, against localhost:9091 and :9090
                #
                # Grafana: http://localhost:3000 (admin / $GRAFANA_ADMIN_PASSWORD, default "admin"), dashboard
                # "logtally: error tracking". Prometheus :9090, Alertmanager :9093, Pushgateway :9091, the tailer's
                # issues page :9400/issues.
                # Every image is pinned; the Pushgateway at v1.6.2 as the system requires. No top-level `name:`
                # (docker-compose 1.29 rejects it): the project is named after this directory, or give -p logtally.

                services:
                  pushgateway:
                    image: prom/pushgateway:v1.6.2
                    command:
                      - --persistence.file=/data/pushgateway.db
                      - --persistence.interval=1m
                    ports:
                      - "9091:9091"
                    volumes:
                      - pushgateway-data:/data
                    restart: unless-stopped

                  prometheus:
                    image: prom/prometheus:v2.53.2
                    command:
                      - --config.file=/etc/prometheus/prometheus.yml
                      - --storage.tsdb.path=/prometheus
                      - --storage.tsdb.retention.time=15d
                      - --web.enable-lifecycle
                    ports:
                      - "9090:9090"
                    volumes:
                      - ./prometheus:/etc/prometheus:ro
                      - prometheus-data:/prometheus
                    depends_on:
                      - pushgateway
                      - alertmanager
                    restart: unless-stopped

                  alertmanager:
                    image: prom/alertmanager:v0.27.0
                    command:
                      - --config.file=/etc/alertmanager/alertmanager.yml
                      - --storage.path=/alertmanager
                    ports:
                      - "9093:9093"
                    volumes:
                      - ./alertmanager:/etc/alertmanager:ro
                      - alertmanager-data:/alertmanager
                    restart: unless-stopped

                  grafana:
                    image: grafana/grafana:11.2.0
                    environment:
                      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:-admin}
                      GF_USERS_ALLOW_SIGN_UP: "false"
                      GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH: /var/lib/grafana/dashboards/logtally/error-tracking.json
                    ports:
                      - "3000:3000"
                    volumes:
                      - ./grafana/provisioning:/etc/grafana/provisioning:ro
                      - ./grafana/dashboards:/var/lib/grafana/dashboards/logtally:ro
                      - grafana-data:/var/lib/grafana
                    depends_on:
                      - prometheus
                    restart: unless-stopped

                """);
        if (s.demoApp()) {
            b.append("  # logtally's demo service (service ").append(svc).append("), logging through logtally's Logback drop-in into the\n")
                    .append("  # shared volume: ").append(svc).append(".log and its archives.\n")
                    .append("  demo-app:\n    image: logtally:0.1.0\n    build:\n      context: ..\n")
                    .append("      dockerfile: monitoring/tailer/Dockerfile\n")
                    .append("    command: [\"demo-app\", \"--log-dir=/var/log/").append(svc).append("\"]\n")
                    .append("    volumes:\n      - app-logs:/var/log/").append(svc).append('\n')
                    .append("    restart: unless-stopped\n\n");
        }
        b.append("  # The tailer: follows the service's logs, pushes their metrics to the Pushgateway and serves the\n")
                .append("  # issues page on :9400.\n");
        b.append("  tailer:\n    image: logtally:0.1.0\n    command:\n      - tail\n")
                .append("      - --config=/etc/logtally/tailer.properties\n")
                .append("      - --path=/var/log/").append(svc).append('/').append(svc).append(".log\n")
                .append("      - --state-dir=/var/lib/logtally\n      - --push=http://pushgateway:9091\n")
                .append("      - --job=").append(svc).append("\n      - --instance=").append(s.demoApp() ? "demo" : svc + "-1").append('\n')
                .append("      - --listen=0.0.0.0:9400\n")
                .append("    ports:\n      - \"9400:9400\"\n")
                .append("    volumes:\n      - ./tailer/tailer.properties:/etc/logtally/tailer.properties:ro\n")
                .append("      - app-logs:/var/log/").append(svc).append(":ro\n      - tailer-state:/var/lib/logtally\n")
                .append("    depends_on:\n").append(s.demoApp() ? "      - demo-app\n" : "").append("      - pushgateway\n")
                .append("    restart: unless-stopped\n\n");
        b.append("""
                volumes:
                  pushgateway-data:
                  prometheus-data:
                  alertmanager-data:
                  grafana-data:
                  app-logs:
                  tailer-state:
                """);
        return b.toString();
    }
}
