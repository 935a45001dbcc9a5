package dev.logtally.archive;

import dev.logtally.aggregate.SnapshotSum;
import dev.logtally.aggregate.GuardCheck;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.config.Options;
import dev.logtally.export.TimedSnapshot;
import dev.logtally.parse.ParseError;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.LineSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code logtally replay}'s engine: {@code tail}'s {@link Pipeline} in one-shot mode over archived files.
 * Each file is read whole by its own pipeline (parser and aggregator) on one of {@code threads} threads,
 * and the files' totals are added up in the files' order ({@link SnapshotSum}): counters and buckets add,
 * histogram sums add exactly, a gauge keeps the value with the newest event time. That is what
 * one pipeline reading the files one after the other gives — as long as the cardinality guard never had
 * to fold a label value into {@code other}. When it had ({@link GuardCheck}), the files are read again,
 * in order, by one pipeline on one thread, so that the guard meets the values in the same order as
 * {@code tail} would, and a note says so.
 *
 * <p>With a step ({@code --format openmetrics}), each pipeline also records its totals at every step of
 * event time ({@link StepRecorder}), merged into one cumulative series ({@link StepMerge}).
 *
 * <p>The totals hold the application's metrics and the counters that describe the reading
 * ({@code logtally_lines_total}, {@code _bytes_total}, {@code _events_total}, {@code _parse_errors_total},
 * {@code _series_dropped_total}); rotations and pushes, which a replay has none of, are left out.
 * A line with no terminator at the end of a file (a cut archive, or the active file's line under way)
 * counts as a {@code partial_line} parse error.
 *
 * <pre>{@code
 * Replay.Result r = new Replay(options, Clock.systemUTC(), 2, 0).run(files, Progress.NONE);
 * System.out.print(TextFormat.render(r.totals()));
 * r.problems().forEach(p -> System.err.println("logtally: " + p));
 * }</pre>
 */
public final class Replay {
    /** Families of {@link SelfMetrics} a replay reports. */
    static final Set<String> REPLAY_SELF = Set.of(SelfMetrics.LINES, SelfMetrics.BYTES, SelfMetrics.EVENTS,
            SelfMetrics.PARSE_ERRORS, SelfMetrics.SERIES_DROPPED);

    private final Options options;
    private final Clock clock;
    private final int threads;
    private final long stepMillis;

    /**
     * @param options    the configuration (fields, namespace, buckets, gauges, limits), as for {@code tail}
     * @param clock      for the pipelines' own metrics
     * @param threads    reading threads
     * @param stepMillis step of the time series in milliseconds, or 0 for totals only
     */
    public Replay(Options options, Clock clock, int threads, long stepMillis) {
        this.options = options;
        this.clock = clock;
        this.threads = threads;
        this.stepMillis = stepMillis;
    }

    /**
     * What a replay found.
     *
     * @param totals     the final totals (see the class comment for which families)
     * @param points     the cumulative series of the application's metrics, one point per step; empty without a step
     * @param problems   one line per unreadable or damaged file
     * @param notes      one line per thing worth knowing that is not a failure
     * @param sequential true when the files had to be read again on one thread (cardinality guard)
     * @param lines      complete lines read
     */
    public record Result(MetricSnapshot totals, List<TimedSnapshot> points, List<String> problems, List<String> notes,
                         boolean sequential, long lines) {
        public boolean failed() {
            return !problems.isEmpty();
        }
    }

    /** Replays {@code files} (in the order given: see {@link dev.logtally.source.FileOrder}). */
    public Result run(List<LogFile> files, Progress progress) {
        ArchiveScan.Scan<Counted> scan = new ArchiveScan(threads, options.lineMaxBytes(), progress)
                .run(files, f -> new PartJob(new Part(), true));
        List<MetricSnapshot> snapshots = new ArrayList<>(files.size());
        List<List<StepRecorder.Step>> steps = new ArrayList<>(files.size());
        for (Counted c : scan.results()) {
            snapshots.add(c.totals());
            steps.add(c.steps());
        }
        MetricSnapshot merged = SnapshotSum.of(snapshots);
        if (files.size() > 1 && !GuardCheck.sumIsSequential(snapshots, merged, options.labelsMaxValues())) {
            return sequential(files, scan);
        }
        return new Result(reported(merged), points(steps), scan.problems(), List.of(), false, scan.lines());
    }

    /** Every file again, in order, through one pipeline, so that the guard folds what {@code tail} would fold. */
    private Result sequential(List<LogFile> files, ArchiveScan.Scan<Counted> first) {
        Part shared = new Part();
        new ArchiveScan(1, options.lineMaxBytes(), Progress.NONE).run(files, f -> new PartJob(shared, false));
        Counted all = shared.counted();
        String note = "more than " + options.labelsMaxValues() + " distinct values of a label (labels.max.values): "
                + "the files were read again one after the other, so that the same values are counted under "
                + "'other' as tail would count them";
        return new Result(reported(all.totals()), points(List.of(all.steps())), first.problems(), List.of(note), true,
                first.lines());
    }

    private List<TimedSnapshot> points(List<List<StepRecorder.Step>> steps) {
        return stepMillis == 0 ? List.of() : StepMerge.merge(steps, stepMillis);
    }

    private static MetricSnapshot reported(MetricSnapshot all) {
        List<MetricFamily> kept = new ArrayList<>();
        for (MetricFamily f : all.families()) {
            if (!SelfMetrics.FAMILY_NAMES.contains(f.name()) || REPLAY_SELF.contains(f.name())) {
                kept.add(f);
            }
        }
        return new MetricSnapshot(kept);
    }

    /** What one part counted: its totals, and its steps when a step is set. */
    private record Counted(MetricSnapshot totals, List<StepRecorder.Step> steps) {
    }

    /** One pipeline, with its step recorder when a step is set. */
    private final class Part {
        final Pipeline pipeline;
        final StepRecorder recorder;

        Part() {
            recorder = stepMillis == 0 ? null : new StepRecorder(stepMillis);
            pipeline = Pipeline.create(options, clock, recorder == null ? Pipeline.EventTap.NONE : recorder);
            if (recorder != null) {
                recorder.attach(pipeline.aggregator());
            }
        }

        Counted counted() {
            return new Counted(pipeline.snapshot(), recorder == null ? List.of() : recorder.steps());
        }
    }

    /**
     * Reads one file into a part. In a parallel replay every file has a part of its own, and its result is
     * what the part counted (the pipeline itself is dropped); in a sequential one the files share a part
     * and the result is null.
     */
    private static final class PartJob implements FileJob<Counted> {
        private final Part part;
        private final boolean ownsPart;

        PartJob(Part part, boolean ownsPart) {
            this.part = part;
            this.ownsPart = ownsPart;
        }

        @Override
        public LineSink sink() {
            return part.pipeline;
        }

        @Override
        public Counted finish(ArchiveReader.Result result) {
            if (result != null && result.partialBytes() > 0) {
                part.pipeline.self().countBytes(result.partialBytes());
                part.pipeline.self().countParseError(ParseError.PARTIAL);
            }
            return ownsPart ? part.counted() : null;
        }
    }
}
