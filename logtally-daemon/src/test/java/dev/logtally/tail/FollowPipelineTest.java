package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.export.TextFormat;
import dev.logtally.testing.LogWorkload;
import dev.logtally.testing.PromText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reading side of {@code tail} (follower → parser → aggregator → checkpoint), driven step by step
 * on the test's thread against the ground-truth workload: every rotation kind, lines in two pieces, and
 * crashes (the pipeline dropped without a final checkpoint, then reopened from the state directory).
 */
class FollowPipelineTest {
    static boolean CRASHES = !Boolean.getBoolean("nocrash");
    @TempDir
    Path tmp;

    private Options options(Path logs) {
        return OptionsLoader.load(null, Map.of(
                "paths", logs.resolve("app.log").toString(),
                "state.dir", tmp.resolve("state").toString(),
                "namespace", "loka_stratum",
                "gauges", String.join(",", LogWorkload.GAUGES),
                "listen", "127.0.0.1:0"), Map.of());
    }

    private static Map<String, Double> values(MetricSnapshot s, LogWorkload w) {
        return LogWorkload.comparable(PromText.parse(TextFormat.render(s)), w.expected());
    }

    @Test
    void countsEveryLineOnceAcrossEveryKindOfRotation() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        LogWorkload w = new LogWorkload(logs, "app", 7, "loka_stratum");
        Options o = options(logs);
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            Runnable poll = fp::poll;
            w.append(3000, poll);
            fp.poll();
            w.rotateLogbackStyle();
            w.append(2000, poll);          // the new file outgrows the old one before we look
            fp.poll();
            w.finishCompression();
            w.append(500, poll);
            w.copyTruncate();
            w.append(700, poll);
            fp.poll();
            w.deleteAndRecreate();
            fp.poll();
            w.append(900, poll);
            w.rotateLogbackStyle();
            w.finishCompression();          // compressed before we even saw the rotation
            w.append(400, poll);
            fp.poll();
            fp.poll();
            MetricSnapshot s = fp.checkpoint();
            LogWorkload.assertSameValues(w.expected(), values(s, w));
            assertEquals((double) w.lines(), PromText.parse(TextFormat.render(s)).get("logtally_lines_total"));
        }
    }

    @Test
    void crashesAtRandomMomentsNeitherLoseNorDoubleCount() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        LogWorkload w = new LogWorkload(logs, "app", 11, "loka_stratum");
        Options o = options(logs);
        Random r = new Random(11);
        FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC());
        int rounds = Integer.getInteger("rounds", 40);
        for (int round = 0; round < rounds; round++) {
            FollowPipeline current = fp;
            w.append(100 + r.nextInt(400), () -> {
                if (r.nextInt(3) == 0) {
                    current.poll();
                }
            });
            int action = r.nextInt(6);
            switch (action) {
                case 0 -> w.rotateLogbackStyle();
                case 1 -> w.finishCompression();
                case 2 -> w.copyTruncate();
                default -> { }
            }
            if (Boolean.getBoolean("trace")) {
                System.err.println("round " + round + " action " + action + " lines " + w.lines());
            }
            fp.poll();
            if (r.nextBoolean()) {
                fp.checkpoint();
            }
            if (CRASHES && r.nextInt(4) == 0) {
                fp.poll();
                // a crash: whatever was counted since the last checkpoint is lost with the process
                fp.close();
                fp = FollowPipeline.open(o, Clock.systemUTC());
                if (Boolean.getBoolean("trace")) {
                    System.err.println("  crash+reopen");
                }
            }
        }
        w.finishCompression();
        fp.poll();
        fp.poll();
        MetricSnapshot s = fp.checkpoint();
        fp.close();
        LogWorkload.assertSameValues(w.expected(), values(s, w));
        assertEquals((double) w.lines(), PromText.parse(TextFormat.render(s)).get("logtally_lines_total"));
    }
}
