package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.Fingerprint;
import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's acceptance: the tailer's error groups alert through the real {@code prometheus-alertmanager},
 * routed by the shipped {@code monitoring/alertmanager/alertmanager.yml} (only the webhook URL and SMTP relay
 * point into the test), to a {@link WebhookReceiver} inside the test. The tailer is the real jar in its own
 * process; the expected groups are computed here from the lines on disk.
 */
class ErrorGroupAlertsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private WebhookReceiver webhook;
    private SmtpSink smtp;
    private RealProgram alertmanager;
    private Path amConfig;
    private final List<LogtallyProcess> started = new ArrayList<>();

    @BeforeEach
    void startAlertmanager() throws IOException {
        webhook = WebhookReceiver.start();
        smtp = SmtpSink.start();
        Path dir = Files.createDirectories(tmp.resolve("am-config"));
        Path shipped = Assets.file("alertmanager/alertmanager.yml");
        String yml = Files.readString(shipped);
        yml = ErrorTrackingStack.replace(yml, "http://alert-webhook:5001/alerts", webhook.url(), 1);
        yml = ErrorTrackingStack.replace(yml, "smtp.example.org:587", "127.0.0.1:" + smtp.port(), 1);
        yml = ErrorTrackingStack.replace(yml, "smtp_require_tls: true", "smtp_require_tls: false", 1);
        Files.createDirectories(dir.resolve("templates"));
        try (Stream<Path> s = Files.list(shipped.resolveSibling("templates"))) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve("templates").resolve(f.getFileName()));
            }
        }
        amConfig = Files.writeString(dir.resolve("alertmanager.yml"), yml);
        alertmanager = RealProgram.alertmanager(Files.createDirectories(tmp.resolve("am")), amConfig);
    }

    @AfterEach
    void stop() {
        for (LogtallyProcess p : started) {
            p.close();
        }
        if (alertmanager != null) {
            alertmanager.close();
        }
        webhook.close();
        smtp.close();
    }

    private LogtallyProcess tail(Path logs, Path state, int listenPort, List<String> jvm, String... extra) throws IOException {
        Path cfg = tmp.resolve("tailer-" + started.size() + ".properties");
        StringBuilder p = new StringBuilder();
        p.append("paths = ").append(logs.resolve("*.log")).append('\n');
        p.append("state.dir = ").append(state).append('\n');
        p.append("namespace = loka_stratum\n");
        p.append("listen = 127.0.0.1:").append(listenPort).append('\n');
        p.append("poll.interval = 50ms\n");
        p.append("checkpoint.interval = 200ms\n");
        if (alertmanager != null) {
            p.append("alertmanager.url = ").append(alertmanager.url()).append('\n');
        }
        for (String e : extra) {
            p.append(e).append('\n');
        }
        Files.writeString(cfg, p.toString());
        LogtallyProcess t = LogtallyProcess.start(tmp.resolve("out"), jvm, "tail", "--config", cfg.toString());
        started.add(t);
        Poll.until(WAIT, "the tailer to serve /metrics", () -> {
            if (!t.isAlive()) {
                throw new AssertionError("tail exited: " + t.output());
            }
            return get(listenPort, "/-/healthy") != null;
        });
        return t;
    }

    private static String get(int port, String path) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The value of a series in the tailer's /metrics, or -1. */
    private static double metric(int port, String series) {
        String body = get(port, "/metrics");
        if (body == null) {
            return -1;
        }
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1));
            }
        }
        return -1;
    }

    /** Every alert (fingerprint → notifications carrying it firing) of {@code alertname} at the webhook. */
    private Map<String, Integer> firing(String alertname) {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode n : webhook.notifications()) {
            for (JsonNode a : n.path("alerts")) {
                if (a.path("status").asString().equals("firing")
                        && a.path("labels").path("alertname").asString().equals(alertname)) {
                    out.merge(a.path("labels").path("fingerprint").asString(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private JsonNode firstAlert(String alertname, String fingerprint) {
        for (JsonNode n : webhook.notifications()) {
            for (JsonNode a : n.path("alerts")) {
                if (a.path("labels").path("alertname").asString().equals(alertname)
                        && a.path("labels").path("fingerprint").asString().equals(fingerprint)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Alertmanager's own view: how many alerts of {@code alertname} it holds (active or not). */
    private int alertsInAlertmanager(String alertname) throws IOException {
        JsonNode all = JSON.readTree(alertmanager.get("/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true"));
        int n = 0;
        for (JsonNode a : all) {
            if (a.path("labels").path("alertname").asString().equals(alertname)) {
                n++;
            }
        }
        return n;
    }

    private static String errorLine(Instant t, String type, String hash, String release, String message, String cid) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("@timestamp", t.toString());
        m.put("level", "ERROR");
        m.put("message", message);
        m.put("logger_name", "dev.logtally.samples.StratumProxy");
        m.put("stack_trace", "java.lang.IllegalStateException: " + message + "\n\tat a.B.c(B.java:1)\n");
        m.put("correlation_id", cid);
        m.put("error_type", type);
        m.put("service", "loka-stratum");
        if (release != null) {
            m.put("release", release);
        }
        m.put("stack_hash", hash);
        return JSON.writeValueAsString(m) + "\n";
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The groups the lines in {@code dir} (plain and .gz) make: fingerprint → count, computed here from the JSON. */
    static Map<String, Long> expectedGroups(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".log") && !name.endsWith(".gz")) {
                    continue;
                }
                try (InputStream raw = Files.newInputStream(f);
                     InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode e = JSON.readTree(line);
                        if (e.path("level").asString().equals("ERROR")) {
                            String type = e.path("error_type").asString();
                            assertTrue(!type.isEmpty(), "every error of the sample service has an error_type: " + line);
                            String hash = e.has("stack_hash") ? e.path("stack_hash").asString() : null;
                            out.merge(Fingerprint.of(type, hash), 1L, Long::sum);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void eachNewGroupOfTheSampleServiceAlertsExactlyOnceAndTheTailerAgreesWithErrors() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        LogtallyProcess tailer = tail(logs, state, port, List.of());
        LogtallyProcess demo = LogtallyProcess.start(tmp.resolve("out"), "demo-app", "--log-dir", logs.toString(),
                "--rate", "200", "--duration", "6s", "--release", "2.4.1", "--seed", "11");
        started.add(demo);
        assertEquals(0, demo.waitFor(120), demo.output());
        Map<String, Long> expected = expectedGroups(logs);
        assertTrue(expected.size() >= 3, "the sample service makes several groups: " + expected);
        Poll.until(WAIT, "one NewErrorGroup per group at the webhook " + expected.keySet(),
                () -> firing("NewErrorGroup").keySet().equals(expected.keySet()));
        // Alertmanager holds exactly these alerts; each reached the webhook in exactly one notification.
        assertEquals(expected.size(), alertsInAlertmanager("NewErrorGroup"));
        Map<String, Integer> once = new TreeMap<>();
        expected.keySet().forEach(fp -> once.put(fp, 1));
        assertEquals(once, firing("NewErrorGroup"));
        String fp = expected.keySet().iterator().next();
        JsonNode a = firstAlert("NewErrorGroup", fp);
        assertEquals("warning", a.path("labels").path("severity").asString());
        assertEquals("loka-stratum", a.path("labels").path("service").asString());
        assertTrue(a.path("annotations").path("summary").asString().startsWith("New error group "), a.toString());
        assertTrue(a.path("annotations").path("description").asString().contains("release: 2.4.1"), a.toString());
        assertTrue(a.path("annotations").path("trace").asString().matches("logtally trace [0-9a-f]{32} " + logs), a.toString());
        assertEquals("http://127.0.0.1:" + port + "/issues/" + fp, a.path("annotations").path("issue_url").asString());

        // The tailer's groups (its final checkpoint) and `logtally errors --json` over the same files agree.
        assertEquals(0, tailer.terminate(60), tailer.output());
        JsonNode cp = checkpointBody(state);
        LogtallyProcess errors = LogtallyProcess.start(tmp.resolve("out"), "errors", logs.toString(), "--json");
        assertEquals(0, errors.waitFor(120), errors.output());
        Map<String, String> fromErrors = new TreeMap<>();
        for (String line : errors.output().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode g = JSON.readTree(line);
                fromErrors.put(g.path("fingerprint").asString(), g.path("count").asLong() + " "
                        + Instant.parse(g.path("first_seen").asString()).toEpochMilli() + " "
                        + Instant.parse(g.path("last_seen").asString()).toEpochMilli() + " " + g.path("releases")
                        + " " + g.path("services") + " " + g.path("sample_message").asString() + " "
                        + g.path("sample_correlation_id").asString());
            }
        }
        Map<String, String> fromTailer = new TreeMap<>();
        for (JsonNode g : cp.path("errorGroups").path("groups")) {
            fromTailer.put(g.path("fingerprint").asString(), g.path("count").asLong() + " " + g.path("firstSeen").asLong()
                    + " " + g.path("lastSeen").asLong() + " " + g.path("releases") + " " + g.path("services") + " "
                    + g.path("sampleMessage").asString() + " " + g.path("sampleCorrelationId").asString());
        }
        assertEquals(fromErrors, fromTailer);
        Map<String, Long> counts = new TreeMap<>();
        cp.path("errorGroups").path("groups").forEach(g -> counts.put(g.path("fingerprint").asString(), g.path("count").asLong()));
        assertEquals(expected, counts);
    }

    private static JsonNode checkpointBody(Path state) throws IOException {
        String text = Files.readString(state.resolve("checkpoint.json"));
        return JSON.readTree(text.substring(text.indexOf('\n') + 1));
    }

    @Test
    void killNineRightAfterAGroupsFirstEventStillAlertsOnce() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        LogtallyProcess tailer = tail(logs, state, port, List.of());
        Path file = logs.resolve("app.log");
        append(file, errorLine(Instant.now(), "kill_nine", "k9", "2.4.1", "before the kill", "c1"));
        String fp = Fingerprint.of("kill_nine", "k9");
        Poll.until(WAIT, "the group in the checkpoint", () -> {
            try {
                return Files.exists(state.resolve("checkpoint.json"))
                        && Files.readString(state.resolve("checkpoint.json")).contains(fp);
            } catch (IOException e) {
                return false;
            }
        });
        tailer.kill();
        tail(logs, state, port, List.of());
        Poll.until(WAIT, "the NewErrorGroup of " + fp, () -> firing("NewErrorGroup").containsKey(fp));
        append(file, errorLine(Instant.now(), "after", "a1", "2.4.1", "a later group", "c2"));
        String later = Fingerprint.of("after", "a1");
        Poll.until(WAIT, "the later group's alert", () -> firing("NewErrorGroup").containsKey(later));
        // The later group's notification came after; the killed group's alert is still one notification.
        assertEquals(Map.of(fp, 1, later, 1), firing("NewErrorGroup"));
        assertEquals(2, alertsInAlertmanager("NewErrorGroup"));
    }

    @Test
    void anAlertmanagerThatIsDownGetsTheAlertOnceItReturns() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        tail(logs, state, port, List.of());
        int amPort = alertmanager.port();
        alertmanager.close();
        append(logs.resolve("app.log"), errorLine(Instant.now(), "while_down", "d1", "2.4.1", "nobody listens", "c1"));
        Poll.until(WAIT, "a failed delivery", () -> metric(port, "logtally_alerts_failed_total{alertname=\"NewErrorGroup\"}") >= 1);
        alertmanager = RealProgram.alertmanager(Files.createDirectories(tmp.resolve("am2")), amConfig, amPort);
        String fp = Fingerprint.of("while_down", "d1");
        Poll.until(WAIT, "the alert after Alertmanager returned", () -> firing("NewErrorGroup").containsKey(fp));
        Poll.until(WAIT, "the delivery counted", () -> metric(port, "logtally_alerts_sent_total{alertname=\"NewErrorGroup\"}") == 1);
        assertEquals(Map.of(fp, 1), firing("NewErrorGroup"));
    }

    @Test
    void resolvedIn241AnEventOf240DoesNotRegressItOneOf242FiresOnce() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        tail(logs, state, port, List.of());
        Path file = logs.resolve("app.log");
        String fp = Fingerprint.of("pool_timeout", "p1");
        List<Long> written = new ArrayList<>();
        written.add(System.currentTimeMillis());
        append(file, errorLine(Instant.now(), "pool_timeout", "p1", "2.4.0", "first {{ .Labels }} <b>", "c1"));
        Poll.until(WAIT, "the NewErrorGroup", () -> firing("NewErrorGroup").containsKey(fp));
        // Log text reaches the webhook as data: Alertmanager does not evaluate {{ in annotations.
        assertTrue(firstAlert("NewErrorGroup", fp).path("annotations").path("description").asString()
                .startsWith("first {{ .Labels }} <b>"));

        // A running tailer: the command goes through a request file the tailer answers at its next checkpoint.
        LogtallyProcess resolve = LogtallyProcess.start(tmp.resolve("out"), "errors", "resolve", fp, "--in-release",
                "2.4.1", "--state-dir", state.toString());
        assertEquals(0, resolve.waitFor(60), resolve.output());
        assertEquals(fp + ": resolved in 2.4.1\n", resolve.output());
        LogtallyProcess unknown = LogtallyProcess.start(tmp.resolve("out"), "errors", "ignore", "0000000000000000",
                "--state-dir", state.toString());
        assertEquals(1, unknown.waitFor(60), unknown.output());
        assertEquals("logtally: no error group has the fingerprint 0000000000000000\n", unknown.output());

        append(file, errorLine(Instant.now(), "pool_timeout", "p1", "2.4.0", "old release still running", "c2"));
        Poll.until(WAIT, "the 2.4.0 event counted", () -> metric(port, "loka_stratum_errors_total{error_type=\"pool_timeout\",service=\"loka-stratum\"}") == 2);
        append(file, errorLine(Instant.now(), "pool_timeout", "p1", "2.4.2", "back in 2.4.2", "c3"));
        append(file, errorLine(Instant.now(), "pool_timeout", "p1", "2.4.2", "and again", "c4"));
        Poll.until(WAIT, "the ErrorGroupRegressed", () -> firing("ErrorGroupRegressed").containsKey(fp));
        Poll.until(WAIT, "all four counted", () -> metric(port, "loka_stratum_errors_total{error_type=\"pool_timeout\",service=\"loka-stratum\"}") == 4);
        assertEquals(Map.of(fp, 1), firing("ErrorGroupRegressed"));
        JsonNode r = firstAlert("ErrorGroupRegressed", fp);
        assertTrue(r.path("annotations").path("summary").asString().endsWith("(release 2.4.2)"), r.toString());
        assertEquals(1, alertsInAlertmanager("ErrorGroupRegressed"));
    }

    @Test
    void aBurstFiresErrorGroupEscalatingOnceAndTheReleaseLabelsTheSeries() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        tail(logs, state, port, List.of(), "errors.escalating.events = 3", "errors.escalating.window = 10m",
                "labels.extra = release");
        Path file = logs.resolve("app.log");
        String fp = Fingerprint.of("burst", "b1");
        String series = "loka_stratum_errors_total{error_type=\"burst\",service=\"loka-stratum\",release=\"2.4.1\"}";
        Instant t0 = Instant.now();
        append(file, errorLine(t0, "burst", "b1", "2.4.1", "one", "c1") + errorLine(t0.plusSeconds(1), "burst", "b1", "2.4.1", "two", "c2"));
        Poll.until(WAIT, "the NewErrorGroup", () -> firing("NewErrorGroup").containsKey(fp));
        Poll.until(WAIT, "two counted", () -> metric(port, series) == 2);
        assertEquals(0, metric(port, "logtally_alerts_sent_total{alertname=\"ErrorGroupEscalating\"}"));
        // The third within 10 minutes escalates; two more while it is active do not fire again.
        append(file, errorLine(t0.plusSeconds(2), "burst", "b1", "2.4.1", "three", "c3"));
        Poll.until(WAIT, "the ErrorGroupEscalating", () -> firing("ErrorGroupEscalating").containsKey(fp));
        append(file, errorLine(t0.plusSeconds(3), "burst", "b1", "2.4.1", "four", "c4")
                + errorLine(t0.plusSeconds(4), "burst", "b1", "2.4.1", "five", "c5"));
        Poll.until(WAIT, "all five counted under their release", () -> metric(port, series) == 5);
        Poll.until(WAIT, "one delivery counted", () -> metric(port, "logtally_alerts_sent_total{alertname=\"ErrorGroupEscalating\"}") == 1);
        assertEquals(Map.of(fp, 1), firing("ErrorGroupEscalating"));
        assertEquals(1, alertsInAlertmanager("ErrorGroupEscalating"));
        assertTrue(firstAlert("ErrorGroupEscalating", fp).path("annotations").path("summary").asString()
                .startsWith("Error group burst in loka-stratum is escalating"));
    }

    @Test
    void timeFromAnErrorLineToTheWebhook() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        tail(logs, state, port, List.of(), "checkpoint.interval = 1s");
        Path file = logs.resolve("app.log");
        int n = 20;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String fp = Fingerprint.of("latency_" + i, "l" + i);
            int before = webhook.notifications().size();
            long t0 = System.currentTimeMillis();
            append(file, errorLine(Instant.now(), "latency_" + i, "l" + i, "2.4.1", "latency " + i, "c" + i));
            Poll.until(WAIT, "alert " + i, () -> firing("NewErrorGroup").containsKey(fp));
            List<JsonNode> all = webhook.notifications();
            List<Long> at = webhook.arrivals();
            for (int k = before; k < all.size() && k < at.size(); k++) {
                if (all.get(k).toString().contains(fp)) {
                    latencies.add(at.get(k) - t0);
                }
            }
        }
        latencies.sort(null);
        assertEquals(n, latencies.size());
        long p50 = latencies.get(n / 2 - 1);
        long p99 = latencies.get(n - 1);
        System.out.println("ISSUE11-LATENCY n=" + n + " p50=" + p50 + "ms p99(max of " + n + ")=" + p99 + "ms all=" + latencies);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "issue11-latency.txt"),
                "n=" + n + " p50=" + p50 + " p99=" + p99 + " " + latencies + "\n");
    }

    @Test
    void tenThousandFingerprintsStayBoundedUnder64MiB() throws Exception {
        alertmanager.close();
        alertmanager = null; // no alerts: the bound of the groups is what is measured
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path state = tmp.resolve("state");
        int port = RealProgram.freePort();
        LogtallyProcess tailer = tail(logs, state, port, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
        StringBuilder b = new StringBuilder();
        Instant now = Instant.now();
        String stack = "java.lang.IllegalStateException: x\n" + "\tat a.B.c(B.java:1)\n".repeat(200);
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("@timestamp", now.plusMillis(i).toString());
            m.put("level", "ERROR");
            m.put("message", "m".repeat(1000) + i);
            m.put("fingerprint", "fp-" + i);
            m.put("stack_trace", stack);
            m.put("service", "loka-stratum");
            b.append(JSON.writeValueAsString(m)).append('\n');
        }
        append(logs.resolve("app.log"), b.toString());
        Poll.until(WAIT, "9,000 groups dropped", () -> metric(port, "logtally_error_groups_dropped_total") == 9_000);
        assertEquals(1_000, metric(port, "logtally_error_groups{status=\"unresolved\"}"));
        assertTrue(tailer.isAlive(), tailer.output());
        append(logs.resolve("app.log"), errorLine(Instant.now(), "still_running", "s1", "2.4.1", "after", "c1"));
        Poll.until(WAIT, "the daemon keeps counting", () -> metric(port, "loka_stratum_errors_total{error_type=\"still_running\",service=\"loka-stratum\"}") == 1);
        assertEquals(9_001, metric(port, "logtally_error_groups_dropped_total"));
        assertTrue(tailer.isAlive(), tailer.output());
    }

    static TreeSet<String> keys(Map<String, ?> m) {
        return new TreeSet<>(m.keySet());
    }
}
