package dev.logtally.monitoring;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shipped monitoring stack on loopback ports, from Debian's real programs: a Pushgateway, Prometheus
 * with the shipped {@code prometheus.yml} and rules, Alertmanager with the shipped routing and templates,
 * plus a {@link WebhookReceiver} and an {@link SmtpSink} inside the test as the receivers' far ends.
 *
 * <p>The test copies differ from the shipped files only where a test must, each replacement checked to
 * apply exactly as often as expected (a changed shipped file fails loudly here, not silently later):
 * <ul>
 *   <li>prometheus.yml: the targets' addresses; scrape and evaluation intervals 15s → 1s.</li>
 *   <li>rules: one mechanical substitution, {@link #shortenPendingPeriods}: every {@code for: Nm} becomes
 *       {@code for: Ns} and {@code for: Nh} becomes {@code for: Nm} (60 times faster). Expressions,
 *       thresholds and range windows stay as shipped.</li>
 *   <li>alertmanager.yml: the webhook URL and the SMTP relay point into the test; plain SMTP (the sink has
 *       no TLS); {@code group_wait} 30s and 10s → 1s.</li>
 * </ul>
 *
 * <pre>{@code
 * try (ErrorTrackingStack stack = ErrorTrackingStack.start(tmp)) {
 *     stack.prometheusApi().result("up");
 * }
 * }</pre>
 */
final class ErrorTrackingStack implements AutoCloseable {
    private static final Pattern FOR = Pattern.compile("(?m)^(\\s+for: )(\\d+)([mh])$");

    private final List<AutoCloseable> started = new ArrayList<>();
    private WebhookReceiver webhook;
    private SmtpSink smtp;
    private RealProgram alertmanager;
    private RealProgram pushgateway;
    private RealProgram prometheus;

    private final Path bundle;

    private ErrorTrackingStack(Path bundle) {
        this.bundle = bundle;
    }

    /** The shipped stack ({@code monitoring/}); see {@link #start(Path, Path)}. */
    static ErrorTrackingStack start(Path tmp) {
        return start(tmp, Assets.dir());
    }

    /**
     * Starts everything with the files of {@code bundle} (the shipped {@code monitoring/} or a rendered one),
     * receivers first, Prometheus last; stops what started if a part fails.
     */
    static ErrorTrackingStack start(Path tmp, Path bundle) {
        ErrorTrackingStack s = new ErrorTrackingStack(bundle);
        try {
            s.webhook = s.keep(WebhookReceiver.start());
            s.smtp = s.keep(SmtpSink.start());
            s.alertmanager = s.keep(RealProgram.alertmanager(Files.createDirectories(tmp.resolve("am")),
                    s.alertmanagerConfig(Files.createDirectories(tmp.resolve("am-config")))));
            s.pushgateway = s.keep(RealProgram.pushgateway(Files.createDirectories(tmp.resolve("pg"))));
            Path promConfig = s.prometheusConfig(Files.createDirectories(tmp.resolve("prom-config")));
            s.prometheus = s.keep(RealProgram.prometheus(Files.createDirectories(tmp.resolve("prom")), promConfig));
            // Its own address is known only now: point the self-scrape at it and reload.
            Files.writeString(promConfig, replace(Files.readString(promConfig), "localhost:9090", hostPort(s.prometheus), 1));
            int status = s.prometheus.post("/-/reload");
            if (status != 200) {
                throw new AssertionError("Prometheus reload answered " + status + ": " + s.prometheus.output());
            }
            return s;
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            s.close();
            throw e;
        }
    }

    /**
     * The rules with every pending period 60 times shorter: {@code for: 5m} → {@code for: 5s},
     * {@code for: 1h} → {@code for: 1m}. Nothing else changes.
     */
    static String shortenPendingPeriods(String rules) {
        Matcher m = FOR.matcher(rules);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1) + m.group(2) + (m.group(3).equals("m") ? "s" : "m"));
        }
        return m.appendTail(out).toString();
    }

    WebhookReceiver webhook() {
        return webhook;
    }

    SmtpSink smtp() {
        return smtp;
    }

    RealProgram pushgateway() {
        return pushgateway;
    }

    RealProgram prometheus() {
        return prometheus;
    }

    RealProgram alertmanager() {
        return alertmanager;
    }

    PrometheusApi prometheusApi() {
        return new PrometheusApi(prometheus.url());
    }

    /** Stops the Pushgateway (for the failure path of the manual check). */
    void stopPushgateway() {
        pushgateway.close();
    }

    private Path alertmanagerConfig(Path dir) throws IOException {
        Path shipped = bundle.resolve("alertmanager/alertmanager.yml");
        String yml = Files.readString(shipped);
        yml = replace(yml, "http://alert-webhook:5001/alerts", webhook.url(), 1);
        yml = replace(yml, "smtp.example.org:587", "127.0.0.1:" + smtp.port(), 1);
        yml = replace(yml, "smtp_require_tls: true", "smtp_require_tls: false", 1);
        yml = replace(yml, "group_wait: 30s", "group_wait: 1s", 1);
        yml = replace(yml, "group_wait: 10s", "group_wait: 1s", 2);
        copyDir(shipped.resolveSibling("templates"), dir.resolve("templates"));
        return Files.writeString(dir.resolve("alertmanager.yml"), yml);
    }

    private Path prometheusConfig(Path dir) throws IOException {
        Path shipped = bundle.resolve("prometheus/prometheus.yml");
        String yml = Files.readString(shipped);
        yml = replace(yml, "scrape_interval: 15s", "scrape_interval: 1s", 1);
        yml = replace(yml, "evaluation_interval: 15s", "evaluation_interval: 1s", 1);
        yml = replace(yml, "\"pushgateway:9091\"", "\"" + hostPort(pushgateway) + "\"", 1);
        yml = replace(yml, "\"alertmanager:9093\"", "\"" + hostPort(alertmanager) + "\"", 2);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(shipped.resolveSibling("rules"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Files.writeString(rules.resolve(f.getFileName()), shortenPendingPeriods(Files.readString(f)));
            }
        }
        copyDir(shipped.resolveSibling("targets"), dir.resolve("targets"));
        return Files.writeString(dir.resolve("prometheus.yml"), yml);
    }

    private static String hostPort(RealProgram p) {
        return "127.0.0.1:" + p.port();
    }

    /** {@code text} with {@code from} replaced by {@code to}; fails unless it occurs exactly {@code times}. */
    static String replace(String text, String from, String to, int times) {
        int n = text.split(Pattern.quote(from), -1).length - 1;
        if (n != times) {
            throw new AssertionError("expected '" + from + "' " + times + " time(s) in the shipped file, found " + n);
        }
        return text.replace(from, to);
    }

    private static void copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private <T extends AutoCloseable> T keep(T part) {
        started.add(part);
        return part;
    }

    /** Stops everything that started, last started first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
        started.clear();
    }
}
