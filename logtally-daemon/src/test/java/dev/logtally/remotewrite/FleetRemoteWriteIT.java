package dev.logtally.remotewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.testing.LogWorkload;
import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet: {@value #HOSTS} {@code logtally tail} processes, each with its own logs, state directory and
 * {@code instance}, remote-writing to one real VictoriaMetrics. {@code sum by (error_type)} over the fleet
 * equals the sum of what the test wrote to every host, before and after a second round of lines during which
 * one tailer is killed with SIGKILL and restarted; its raw samples never go down.
 *
 * <p>20 JVMs on a small machine: each gets a 48 MB heap, the serial collector and C1 only; they start in
 * parallel and the test polls the store with deadlines.
 */
class FleetRemoteWriteIT {
    static final int HOSTS = 20;
    private static final int VICTIM = 7;
    private static final Pattern ERROR_TYPE = Pattern.compile("^loka_stratum_errors_total\\{error_type=\"([^\"]+)\"");
    private static final List<String> SMALL_JVM = List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss256k", "-XX:-UsePerfData");

    @TempDir
    Path tmp;

    @Test
    void fleetSumsEqualWhatWasWrittenThroughAKillAndRestart() throws IOException {
        Path config = Files.writeString(tmp.resolve("tailer.properties"), String.join("\n",
                "poll.interval = 200ms", "rotate.wait = 500ms", "checkpoint.interval = 1s",
                "remote_write.interval = 1s", "remote_write.timeout = 5s") + "\n");
        List<LogWorkload> hosts = new ArrayList<>();
        List<LogtallyProcess> tailers = new ArrayList<>();
        try (RealProgram vm = RealProgram.victoriaMetrics(tmp)) {
            StoreQueries q = new StoreQueries(vm.url(), "VictoriaMetrics");
            for (int i = 0; i < HOSTS; i++) {
                LogWorkload w = new LogWorkload(Files.createDirectories(tmp.resolve("host-" + i)), "app", 1000 + i, "loka_stratum");
                w.append(100 + 5 * i, () -> { });
                hosts.add(w);
            }
            for (int i = 0; i < HOSTS; i++) {
                tailers.add(start(i, vm, config));
            }
            awaitFleetTruth(q, hosts, tailers);
            assertEquals(HOSTS, q.instant("count(count by (instance) (loka_stratum_errors_total))", Set.of()).get("").intValue());

            for (int i = 0; i < HOSTS; i++) {
                LogWorkload w = hosts.get(i);
                if (i % 4 == 0) {
                    w.rotateLogbackStyle();
                }
                w.append(100, () -> { });
                if (i == VICTIM) {
                    tailers.get(i).kill();
                    tailers.set(i, start(i, vm, config));
                }
                w.finishCompression();
            }
            awaitFleetTruth(q, hosts, tailers);
            StoreQueries.assertNeverDecreases("VictoriaMetrics",
                    q.raw("{__name__=~\"loka_stratum_errors_total|logtally_lines_total\",instance=\"fleet-" + VICTIM + "\"}[1h]"));
            tailers.forEach(t -> t.process().destroy());
            for (LogtallyProcess t : tailers) {
                assertEquals(0, t.waitFor(60), t.output());
            }
            assertEquals(expectedByType(hosts), byType(q));
        } finally {
            tailers.forEach(LogtallyProcess::close);
        }
    }

    private LogtallyProcess start(int i, RealProgram vm, Path config) {
        return LogtallyProcess.start(tmp.resolve("out"), SMALL_JVM, "tail",
                "--path", tmp.resolve("host-" + i).resolve("app.log").toString(),
                "--state-dir", tmp.resolve("state-" + i).toString(),
                "--remote-write", vm.url() + "/api/v1/write",
                "--instance", "fleet-" + i, "--namespace", "loka_stratum",
                "--config", config.toString());
    }

    private static void awaitFleetTruth(StoreQueries q, List<LogWorkload> hosts, List<LogtallyProcess> tailers) {
        Map<String, Double> expected = expectedByType(hosts);
        try {
            Poll.until(Duration.ofSeconds(240), "the fleet's sum by (error_type) to equal what was written", () -> {
                for (LogtallyProcess t : tailers) {
                    if (!t.isAlive()) {
                        throw new AssertionError("a tailer exited:\n" + t.output());
                    }
                }
                return byType(q).equals(expected);
            });
        } catch (AssertionError timedOut) {
            LogWorkload.assertSameValues(expected, byType(q));   // reached just at the deadline: fine
        }
    }

    private static Map<String, Double> byType(StoreQueries q) {
        Map<String, Double> out = new TreeMap<>();
        q.instant("sum by (error_type) (loka_stratum_errors_total)", Set.of())
                .forEach((k, v) -> out.put(k.replace("{error_type=\"", "").replace("\"}", ""), v));
        return out;
    }

    /** What the test wrote, summed over hosts and services by error type. */
    private static Map<String, Double> expectedByType(List<LogWorkload> hosts) {
        Map<String, Double> out = new TreeMap<>();
        for (LogWorkload w : hosts) {
            w.expected().forEach((k, v) -> {
                Matcher m = ERROR_TYPE.matcher(k);
                if (m.find()) {
                    out.merge(m.group(1), v, Double::sum);
                }
            });
        }
        return out;
    }
}
