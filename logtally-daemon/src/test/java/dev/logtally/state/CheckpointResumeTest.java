package dev.logtally.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.base.ConfigException;
import dev.logtally.parse.Event;
import dev.logtally.parse.ParseError;
import dev.logtally.source.FilePosition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {
    @TempDir
    Path dir;

    static final AggregatorOptions OPTIONS = new AggregatorOptions("app", AggregatorOptions.defaultBuckets(), 5,
            List.of("ERROR"), List.of("q"));

    static List<Event> events(long seed, int n) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Event(Event.NO_TIME, r.nextInt(4) == 0 ? "ERROR" : "INFO", "s" + r.nextInt(3), null,
                    r.nextInt(5) == 0 ? null : "t" + r.nextInt(8), null, r.nextBoolean() ? "m" + r.nextInt(7) : null,
                    r.nextDouble() * 3000, new double[] {r.nextInt(3) == 0 ? r.nextDouble() * 1e9 : Double.NaN},
                    null, null, null, null, null, null, null));
        }
        return out;
    }

    /** Counting with a save, a stop and a resume through the real file gives one uninterrupted run's values. */
    @Test
    void resumingThroughTheStateFileEqualsOneRun() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);
        List<Event> all = events(42, 30_000);
        SelfMetrics oneSelf = new SelfMetrics("t", clock);
        Aggregator one = new Aggregator(OPTIONS, oneSelf);
        for (Event e : all) {
            one.apply(e);
            oneSelf.countEvent();
        }
        oneSelf.countParseError(ParseError.MALFORMED);

        List<FilePosition> positions = List.of(new FilePosition("/l/app.log", "/l/app.log", "(dev=1,ino=2)", 77, 10, "ab"));
        int[] cuts = {0, 1, 9_999, 20_000, 30_000};
        for (int c = 0; c + 1 < cuts.length; c++) {
            SelfMetrics self = new SelfMetrics("t", clock);
            Aggregator agg = new Aggregator(OPTIONS, self);
            try (CheckpointStore store = CheckpointStore.open(dir)) {
                store.load().ifPresent(cp -> assertEquals(positions, CheckpointResume.resume(cp, agg, self, store.dir())));
                for (Event e : all.subList(cuts[c], cuts[c + 1])) {
                    agg.apply(e);
                    self.countEvent();
                }
                if (c == 1) {
                    self.countParseError(ParseError.MALFORMED);
                }
                store.save(Checkpoint.of(clock.millis(), "app", positions,
                        Snapshots.combine(agg.snapshot(), self.checkpointed())));
            }
        }
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            MetricSnapshot resumed = store.load().orElseThrow().metrics();
            assertEquals(Snapshots.combine(one.snapshot(), oneSelf.checkpointed()), resumed);
        }
    }

    @Test
    void anotherNamespaceIsRefused() {
        Checkpoint cp = Checkpoint.of(5, "loka_stratum", List.of(), MetricSnapshot.EMPTY);
        SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class,
                () -> CheckpointResume.resume(cp, new Aggregator(OPTIONS, self), self, dir));
        assertEquals("namespace: the state in " + dir + " was written with namespace 'loka_stratum', not 'app';"
                + " use --namespace loka_stratum, or start with a new state dir", e.getMessage());
    }

    @Test
    void resumeSetsTheCheckpointTime() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(10_000), ZoneOffset.UTC);
        SelfMetrics self = new SelfMetrics("t", clock);
        CheckpointResume.resume(Checkpoint.of(4_000, "app", List.of(), MetricSnapshot.EMPTY),
                new Aggregator(OPTIONS, self), self, dir);
        assertEquals(6.0, self.live().family(SelfMetrics.CHECKPOINT_AGE).orElseThrow().series().get(0).value());
        assertEquals(4.0, self.live().family(SelfMetrics.CHECKPOINT_TIME).orElseThrow().series().get(0).value());
    }
}
