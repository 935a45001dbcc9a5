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
        try {
            for (int round = 0; round < 24; round++) {
                w.append(200 + r.nextInt(600), () -> { });
                int action = r.nextInt(10);
                if (action < 3) {
                    w.rotateLogbackStyle();
                    if (round % 4 == 1) {
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
            Poll.until(Duration.ofSeconds(60), "the Pushgateway to hold the exact truth", () -> {
                sampleMonotone(gateway);
                return LogWorkload.comparable(PromText.parse(gateway.get("/metrics")), w.expected()).equals(w.expected());
            });
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

    private LogtallyProcess start(Path logs, Path config, RealProgram pg) {
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
