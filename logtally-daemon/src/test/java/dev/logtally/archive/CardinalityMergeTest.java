package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.config.Options;
import dev.logtally.export.TextFormat;
import dev.logtally.source.ArchiveReader;
import dev.logtally.testing.PromText;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of per-file totals against the reference: one {@link Pipeline} reading the files one after the
 * other, as the Javadoc of {@code Pipeline} shows. Under the cardinality limit the parallel sum is that
 * reference exactly; past it, replay notices and reads sequentially, so the values folded into
 * {@code other} (and the drop counts) are the reference's too.
 */
class CardinalityMergeTest {
    @TempDir
    Path tmp;

    /** Three files, each with its own error types, methods and a gauge; timestamps ascending across files. */
    private List<LogFile> files(int typesPerFile) {
        List<Path> paths = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                String ts = q(String.format("2026-11-20T08:%02d:%02d.%03dZ", f * 10, i, i));
                int t = i % typesPerFile;
                if (i % 2 == 0) {
                    sb.append(line("@timestamp", ts, "level", q("ERROR"), "error_type", q("type-" + f + "-" + t),
                            "service", q("svc-" + (i % 3))));
                } else {
                    sb.append(line("@timestamp", ts, "level", q("INFO"), "method", q("m-" + f + "-" + t),
                            "duration_ms", Double.toString(i * 1.25), "active_connections", Integer.toString(f * 100 + i)));
                }
            }
            Path p = tmp.resolve("app." + f + ".log" + (f < 2 ? ".gz" : ""));
            if (f < 2) {
                Fixtures.gzip(p, sb.toString());
            } else {
                Fixtures.write(p, sb.toString());
            }
            paths.add(p);
        }
        // Named so that name order is not time order: the file order must come from the events.
        return FirstEvents.oldestFirst(List.of(paths.get(2), paths.get(0), paths.get(1)),
                Pipeline.parserOptions(Fixtures.options()), 1 << 20);
    }

    private static MetricSnapshot sequentialReference(Options o, List<LogFile> files) throws Exception {
        Pipeline p = Pipeline.create(o, Clock.systemUTC());
        for (LogFile f : files) {
            new ArchiveReader(o.lineMaxBytes()).read(f.path(), p);
        }
        MetricSnapshot all = p.snapshot();
        List<dev.logtally.aggregate.MetricFamily> kept = new ArrayList<>();
        for (var f : all.families()) {
            if (!f.name().equals("logtally_rotations_total") && !f.name().equals("logtally_lost_bytes_total")
                    && !f.name().startsWith("logtally_push")) {
                kept.add(f);
            }
        }
        return new MetricSnapshot(kept);
    }

    @Test
    void underTheLimitTheParallelSumIsTheSequentialReading() throws Exception {
        Options o = Fixtures.options("labels.max.values", "100");
        List<LogFile> files = files(4);
        assertTrue(files.get(0).path().toString().endsWith("app.0.log.gz"), "ordered by first event: " + files);
        Replay.Result r = new Replay(o, Clock.systemUTC(), 2, 0).run(files, Progress.NONE);
        assertFalse(r.sequential());
        assertEquals(List.of(), r.notes());
        assertEquals(TextFormat.render(sequentialReference(o, files)), TextFormat.render(r.totals()));
        // The gauge's value is the one with the newest event time: the last file's last one.
        assertEquals(239.0, PromText.parse(TextFormat.render(r.totals())).get("loka_stratum_active_connections"));
    }

    @Test
    void pastTheLimitReplayReadsSequentiallyAndFoldsWhatTailWouldFold() throws Exception {
        // Each file has 3 error types and 3 methods (within a limit of 5), all files together 9 of each.
        Options o = Fixtures.options("labels.max.values", "5");
        List<LogFile> files = files(3);
        Replay.Result r = new Replay(o, Clock.systemUTC(), 2, 0).run(files, Progress.NONE);
        assertTrue(r.sequential());
        assertEquals(1, r.notes().size());
        MetricSnapshot reference = sequentialReference(o, files);
        assertEquals(TextFormat.render(reference), TextFormat.render(r.totals()));
        Map<String, Double> m = PromText.parse(TextFormat.render(r.totals()));
        // Admitted: file 0's three types, then file 1's first two (type-1-0 at i=0, type-1-2 at i=2). Folded:
        // file 1's type-1-1 (even i with i % 3 == 1: 4, 10, 16, 22, 28, 34) and all 20 errors of file 2.
        assertEquals(26.0, m.get("logtally_series_dropped_total{label=\"error_type\",metric=\"loka_stratum_errors_total\"}"));
        assertTrue(m.containsKey("loka_stratum_errors_total{error_type=\"other\",service=\"svc-0\"}"));
    }

    @Test
    void oneFileAloneIsNeverReadTwice() throws Exception {
        Options o = Fixtures.options("labels.max.values", "1");
        List<LogFile> one = files(3).subList(0, 1);
        Replay.Result r = new Replay(o, Clock.systemUTC(), 2, 0).run(one, Progress.NONE);
        assertFalse(r.sequential(), "one pipeline over one file is the sequential reading already");
        assertEquals(TextFormat.render(sequentialReference(o, one)), TextFormat.render(r.totals()));
    }
}
