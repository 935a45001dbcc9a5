package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogWorkload;
import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.PromText;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logtally tail} as a separate process against the real {@code prometheus-pushgateway}, fed by the
 * ground-truth workload (Logback-style gzip rotations, a copy-truncate, a delete-and-recreate, malformed
 * lines, lines in two pieces): killed with SIGKILL at random moments (some in the middle of a rotation)
 * and restarted, the Pushgateway stopped mid-run and restarted empty. The values in the Pushgateway end
 * exactly at the truth, and no counter or bucket sampled along the way ever went down.
 */
class TailCrashAndOutageIT {
    @TempDir
    Path tmp;

    private final Map<String, Double> highest = new HashMap<>();
    private int samples;

    @Test
    void exactAfterKillsRotationsAndAnOutage() throws IOException {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path config = tmp.resolve("tailer.properties");
        Files.writeString(config, String.join("\n",
                "gauges = " + String.join(",", LogWorkload.GAUGES),
                "poll.interval = 20ms",
                "rotate.wait = 500ms",
                "checkpoint.interval = 200ms",
                "push.timeout = 2s") + "\n");
        LogWorkload w = new LogWorkload(logs, "app", 20261124, "loka_stratum");
        Random r = new Random(20261124);
        RealProgram pg = RealProgram.pushgateway(tmp);
        int pgPort = pg.port();
        LogtallyProcess tail = start(logs, config, pg);
        int kills = 0;
        int rotationKills = 0;
        int rotations = 0;
        try {
            for (int round = 0; round < 24; round++) {
                w.append(200 + r.nextInt(600), () -> { });
                int action = r.nextInt(10);
                if (action < 3) {
                    w.rotateLogbackStyle();
                    if (rotations++ % 2 == 0) {
                        tail.kill(); // in the middle of a rotation: renamed, not yet compressed
                        kills++;
                        rotationKills++;
                        w.append(100, () -> { });
                        tail = start(logs, config, pg);
                    }
                    w.finishCompression();
                } else if (round == 9) {
                    w.copyTruncate();
                } else if (round == 15) {
                    // Deleting a file loses whatever was not yet read and checkpointed, for any reader: the
                    // test deletes only once tail has pushed (so checkpointed) every line written so far.
                    awaitCheckpointed(pg, w.lines());
                    w.deleteAndRecreate();
                }
                if (round == 12) {
                    pg.close();                        // outage: pushes fail, nothing is lost
                    w.append(500, () -> { });
                    pg = RealProgram.pushgateway(tmp, pgPort);   // back, empty
                    highest.clear();                     // an empty Pushgateway is a new series history
                }
                sampleMonotone(pg);
                if (r.nextInt(3) == 0 || (round == 22 && kills < 5)) {
                    tail.kill();
                    kills++;
                    tail = start(logs, config, pg);
                }
            }
            w.finishCompression();
            RealProgram gateway = pg;
            try {
                Poll.until(Duration.ofSeconds(60), "the Pushgateway to hold the exact truth", () -> {
                    sampleMonotone(gateway);
                    return LogWorkload.comparable(PromText.parse(gateway.get("/metrics")), w.expected()).equals(w.expected());
                });
            } catch (AssertionError timedOut) {
                try (var outs = Files.list(tmp.resolve("out"))) {
                    for (Path o : outs.sorted().toList()) {
                        System.err.println("--- " + o + ":\n" + Files.readString(o));
                    }
                }
                try (var st = Files.list(tmp.resolve("state"))) {
                    System.err.println("--- state: " + st.toList());
                }
                LogWorkload.assertSameValues(w.expected(), LogWorkload.comparable(PromText.parse(gateway.get("/metrics")), w.expected()));
                throw timedOut;
            }
            assertTrue(kills >= 5, "killed " + kills + " times");
            assertTrue(rotationKills >= 1, "killed during a rotation " + rotationKills + " times");
            assertEquals(0, tail.terminate(60), "SIGTERM ends tail with exit 0:\n" + tail.output());
            Map<String, Double> fin = PromText.parse(pg.get("/metrics"));
            LogWorkload.assertSameValues(w.expected(), LogWorkload.comparable(fin, w.expected()));
            assertEquals((double) w.lines(), fin.get("logtally_lines_total{instance=\"it\",job=\"crash\"}"));
            assertTrue(samples > 20, "sampled " + samples + " times");
        } finally {
            tail.close();
            pg.close();
        }
    }

    private static void awaitCheckpointed(RealProgram pg, long lines) {
        Poll.until(Duration.ofSeconds(90), "tail to push " + lines + " lines", () -> Double.valueOf(lines)
                .equals(PromText.parse(pg.get("/metrics")).get("logtally_lines_total{instance=\"it\",job=\"crash\"}")));
    }

    /**
     * Starts {@code tail} and waits until it has pushed once: a kill must land while it is really at work
     * (reading, checkpointing, pushing), not while its JVM is still starting.
     */
    private LogtallyProcess start(Path logs, Path config, RealProgram pg) {
        double startedAt = System.currentTimeMillis() / 1000.0;
        LogtallyProcess p = launch(logs, config, pg);
        Poll.until(Duration.ofSeconds(90), "tail to push after its start", () -> {
            if (!p.isAlive()) {
                throw new AssertionError("tail exited:\n" + p.output());
            }
            Double pushed = PromText.parse(pg.get("/metrics")).get("push_time_seconds{instance=\"it\",job=\"crash\"}");
            return pushed != null && pushed >= startedAt;
        });
        return p;
    }

    private LogtallyProcess launch(Path logs, Path config, RealProgram pg) {
        return LogtallyProcess.start(tmp.resolve("out"), "tail",
                "--path", logs.resolve("app.log").toString(),
                "--state-dir", tmp.resolve("state").toString(),
                "--push", pg.url(), "--job", "crash", "--instance", "it",
                "--push-interval", "200ms", "--namespace", "loka_stratum",
                "--config", config.toString());
    }

    /** Counters and histogram series never decrease between two samples of the same Pushgateway. */
    private void sampleMonotone(RealProgram pg) {
        Map<String, Double> now = PromText.parse(pg.get("/metrics"));
        samples++;
        now.forEach((k, v) -> {
            String name = k.contains("{") ? k.substring(0, k.indexOf('{')) : k;
            boolean monotone = name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_count")
                    || name.endsWith("_sum");
            if (monotone && !name.startsWith("push_")) {
                Double before = highest.put(k, v);
                if (before != null && v < before) {
                    throw new AssertionError(k + " went down from " + before + " to " + v);
                }
            }
        });
    }
}
