package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.export.TextFormat;
import dev.logtally.testing.LogWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} is {@code tail} in one-shot mode: the ground-truth workload is written while the real
 * tailer ({@link FollowPipeline}) follows it through Logback-style rotations into {@code .gz} archives;
 * then {@code replay} reads the directory it left (archives and active file) in parallel, and both must
 * hold exactly the same totals — every application series and the reading counters — and both must be the
 * workload's truth.
 */
class ReplayEqualsTailTest {
    @TempDir
    Path tmp;

    @Test
    void replayOfTheArchivesEqualsWhatTailCounted() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Options o = OptionsLoader.load(null, Map.of(
                "paths", logs.resolve("app.log").toString(),
                "state.dir", tmp.resolve("state").toString(),
                "namespace", "loka_stratum",
                "gauges", String.join(",", LogWorkload.GAUGES)), Map.of());
        LogWorkload w = new LogWorkload(logs, "app", 23, "loka_stratum");
        MetricSnapshot tail;
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            Runnable poll = fp::poll;
            w.append(2500, poll);
            fp.poll();
            w.rotateLogbackStyle();
            w.append(1500, poll);
            fp.poll();
            w.finishCompression();
            w.append(1200, poll);
            fp.poll();
            w.rotateLogbackStyle();
            w.finishCompression();
            w.append(800, poll);
            fp.poll();
            fp.poll();
            tail = fp.checkpoint();
        }
        Replay.Result replay = new Replay(o, Clock.systemUTC(), 2, 0)
                .run(FirstEvents.oldestFirst(LogInputs.expand(List.of(logs.toString())).files(),
                        dev.logtally.pipeline.Pipeline.parserOptions(o), o.lineMaxBytes()), Progress.NONE);

        assertEquals(List.of(), replay.problems());
        assertFalse(replay.sequential());
        assertEquals(3, Files.list(logs).count(), "two .gz archives and the active file");
        MetricSnapshot tailPart = only(tail, replay.totals());
        assertEquals(TextFormat.render(tailPart), TextFormat.render(replay.totals()));
        assertEquals(tailPart, replay.totals());
        LogWorkload.assertSameValues(w.expected(), LogWorkload.comparable(
                dev.logtally.testing.PromText.parse(TextFormat.render(replay.totals())), w.expected()));
        assertEquals(w.lines(), replay.lines());
    }

    /** The families of {@code all} that {@code like} has (tail also counts rotations and pushes). */
    private static MetricSnapshot only(MetricSnapshot all, MetricSnapshot like) {
        List<MetricFamily> kept = new ArrayList<>();
        for (MetricFamily f : all.families()) {
            if (like.family(f.name()).isPresent()) {
                kept.add(f);
            }
        }
        assertEquals(like.families().size(), kept.size(), "tail has every family replay has");
        return new MetricSnapshot(kept);
    }
}
