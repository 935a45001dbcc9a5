package dev.logtally.remotewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogWorkload;
import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logtally tail --remote-write} as a separate process writing to two real stores at once — Prometheus
 * with {@code --web.enable-remote-write-receiver} and VictoriaMetrics — while serving {@code /metrics}
 * ({@code --listen}) and pushing to a real Pushgateway ({@code --push}), fed by the ground-truth workload
 * (Logback-style rotations, malformed lines, lines in two pieces), killed with SIGKILL three times and
 * restarted, each store stopped for a while and restarted on its data. Each store's PromQL API ends at the
 * exact truth (and so does the Pushgateway), no raw counter, bucket, count or sum sample in either store
 * ever decreases, and no store ever refused a write.
 */
class TailRemoteWriteIT {
    private static final Set<String> JOB_INSTANCE = Set.of("job", "instance");
    private static final String MONOTONE = "{__name__=~\"loka_stratum_.+_total|loka_stratum_.+_bucket|loka_stratum_.+_count"
            + "|loka_stratum_.+_sum|logtally_.+_total\",instance=\"it\"}[1h]";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private int listenPort;
    private RealProgram pushgateway;

    @Test
    void bothStoresHoldTheExactTotalsAfterKillsRotationsAndOutages() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path config = tmp.resolve("tailer.properties");
        Files.writeString(config, String.join("\n",
                "gauges = " + String.join(",", LogWorkload.GAUGES),
                "poll.interval = 20ms",
                "rotate.wait = 500ms",
                "checkpoint.interval = 200ms",
                "remote_write.interval = 200ms",
                "remote_write.timeout = 2s",
                "remote_write.headers = X-Scope-OrgID=it") + "\n");
        Path promConfig = Files.writeString(tmp.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        Path promDir = Files.createDirectories(tmp.resolve("prom"));
        Path vmDir = Files.createDirectories(tmp.resolve("vm"));
        RealProgram prom = RealProgram.prometheus(promDir, promConfig, "--web.enable-remote-write-receiver");
        int promPort = prom.port();
        RealProgram vm = RealProgram.victoriaMetrics(vmDir);
        int vmPort = vm.port();
        listenPort = RealProgram.freePort();
        pushgateway = RealProgram.pushgateway(tmp);
        LogWorkload w = new LogWorkload(logs, "app", 20261202, "loka_stratum");
        LogtallyProcess tail = start(logs, config, prom, vm);
        int kills = 0;
        try {
            for (int round = 0; round < 10; round++) {
                w.append(300 + 50 * round, () -> { });
                if (round % 3 == 1) {
                    w.rotateLogbackStyle();
                    w.append(50, () -> { });
                    w.finishCompression();
                }
                // Kills mid-rotation are TailCrashAndOutageIT's subject; here the kills test what remote write
                // adds: a restarted tailer resending its last checkpoint to stores that may already hold it.
                if (round == 2 || round == 4 || round == 7) {
                    tail.kill();
                    kills++;
                    w.append(100, () -> { });
                    tail = start(logs, config, prom, vm);
                }
                if (round == 3) {
                    vm.close();                         // VictoriaMetrics down for two rounds
                }
                if (round == 5) {
                    vm = RealProgram.victoriaMetrics(vmDir, vmPort);
                    prom.close();                       // then Prometheus down for two rounds
                }
                if (round == 7) {
                    prom = RealProgram.prometheus(promDir, promPort, promConfig, "--web.enable-remote-write-receiver");
                }
            }
            w.finishCompression();
            Map<String, Double> expected = w.expected();
            for (RealProgram store : new RealProgram[] {prom, vm}) {
                StoreQueries q = new StoreQueries(store.url(), store == prom ? "Prometheus" : "VictoriaMetrics");
                try {
                    Poll.until(Duration.ofSeconds(60), q + " to hold the exact truth",
                            () -> comparable(q.instant("{instance=\"it\"}", JOB_INSTANCE), expected).equals(expected));
                } catch (AssertionError timedOut) {
                    // fails with the differing series (and the tailers' logs); equal just at the deadline is fine
                    try {
                        LogWorkload.assertSameValues(expected, comparable(q.instant("{instance=\"it\"}", JOB_INSTANCE), expected));
                    } catch (AssertionError differ) {
                        try (var outs = Files.list(tmp.resolve("out"))) {
                            for (Path o : outs.sorted().toList()) {
                                System.err.println("--- " + o + ":\n" + Files.readString(o));
                            }
                        }
                        throw differ;
                    }
                }
            }
            assertEquals(3, kills);
            try (var outs = Files.list(tmp.resolve("out"))) {
                for (Path o : outs.toList()) {
                    String text = Files.readString(o);
                    assertTrue(!text.contains(" rejected (4"), "a store refused a write (a duplicate or out-of-order "
                            + "sample would be a 400):\n" + text);
                }
            }
            assertEquals(0, tail.terminate(60), "SIGTERM ends tail with exit 0:\n" + tail.output());
            LogWorkload.assertSameValues(expected, LogWorkload.comparable(
                    dev.logtally.testing.PromText.parse(pushgateway.get("/metrics")), expected));
            for (RealProgram store : new RealProgram[] {prom, vm}) {
                String name = store == prom ? "Prometheus" : "VictoriaMetrics";
                StoreQueries q = new StoreQueries(store.url(), name);
                LogWorkload.assertSameValues(expected, comparable(q.instant("{instance=\"it\"}", JOB_INSTANCE), expected));
                Map<String, java.util.List<Double>> raw = q.raw(MONOTONE);
                StoreQueries.assertNeverDecreases(name, raw);
                assertTrue(raw.size() > 50, name + " holds " + raw.size() + " monotone series");
                assertEquals((double) w.lines(), q.instant("logtally_lines_total{instance=\"it\",job=\"logtally\"}", JOB_INSTANCE)
                        .get("logtally_lines_total"), name);
            }
        } finally {
            tail.close();
            prom.close();
            vm.close();
            pushgateway.close();
        }
    }

    /** The subset of {@code actual} that {@code expected} names. */
    private static Map<String, Double> comparable(Map<String, Double> actual, Map<String, Double> expected) {
        Map<String, Double> out = new TreeMap<>();
        actual.forEach((k, v) -> {
            if (expected.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Starts {@code tail} and waits until it serves {@code /metrics}: a kill must land while it is at work. */
    private LogtallyProcess start(Path logs, Path config, RealProgram prom, RealProgram vm) {
        LogtallyProcess p = LogtallyProcess.start(tmp.resolve("out"), "tail",
                "--path", logs.resolve("app.log").toString(),
                "--state-dir", tmp.resolve("state").toString(),
                "--remote-write", prom.url() + "/api/v1/write",
                "--remote-write", vm.url() + "/api/v1/write",
                "--instance", "it", "--namespace", "loka_stratum",
                "--listen", "127.0.0.1:" + listenPort,
                "--push", pushgateway.url(), "--job", "logtally", "--push-interval", "200ms",
                "--config", config.toString());
        Poll.until(Duration.ofSeconds(90), "tail to serve /metrics after its start", () -> {
            if (!p.isAlive()) {
                throw new AssertionError("tail exited:\n" + p.output());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listenPort + "/metrics"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return p;
    }
}
