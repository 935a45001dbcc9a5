package dev.logtally.archive;

import dev.logtally.aggregate.SnapshotSum;

import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.base.ConfigException;
import dev.logtally.export.TimedSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the {@link StepRecorder.Step}s of the parts of a replay (one per file, in the files' order) into
 * one cumulative series of snapshots, one per step boundary from the first to the last: at boundary
 * {@code B} each part contributes its latest step at or before {@code B} (nothing when its first step is
 * later), and the contributions add up as {@link SnapshotSum} adds. Every boundary gets a point, even one
 * where nothing changed, so that Prometheus never sees a backfilled series go stale in a quiet stretch.
 * A point equal to the one before is the same object, so quiet stretches cost little memory; the rest is held
 * in memory until written (about the points times the series times 200 bytes), and more than
 * {@value #MAX_POINTS} points per series is refused as a mistaken step.
 *
 * <pre>{@code
 * List<TimedSnapshot> points = StepMerge.merge(List.of(stepsOfFile1, stepsOfFile2), 60_000);
 * }</pre>
 */
public final class StepMerge {
    /** Most points one series may get: past this the step is surely a mistake (a year at 30 s is ~1M). */
    static final long MAX_POINTS = 1_100_000;

    private StepMerge() {
    }

    /** The merged points, oldest first; empty when no part has a step. */
    public static List<TimedSnapshot> merge(List<List<StepRecorder.Step>> parts, long stepMillis) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (List<StepRecorder.Step> steps : parts) {
            if (!steps.isEmpty()) {
                first = Math.min(first, steps.get(0).from());
                last = Math.max(last, steps.get(steps.size() - 1).from());
            }
        }
        List<TimedSnapshot> out = new ArrayList<>();
        if (first > last) {
            return out;
        }
        long count = (last - first) / stepMillis + 1;
        if (count > MAX_POINTS) {
            throw new ConfigException("--step", "the events span " + Times.full(first - stepMillis) + " to "
                    + Times.full(last) + ": " + count + " samples per series at this step, more than " + MAX_POINTS
                    + "; choose a larger step");
        }
        int[] next = new int[parts.size()];
        MetricSnapshot[] current = new MetricSnapshot[parts.size()];
        MetricSnapshot merged = null;
        for (long b = first; b <= last; b += stepMillis) {
            boolean changed = merged == null;
            for (int i = 0; i < parts.size(); i++) {
                List<StepRecorder.Step> steps = parts.get(i);
                while (next[i] < steps.size() && steps.get(next[i]).from() <= b) {
                    current[i] = steps.get(next[i]).totals();
                    next[i]++;
                    changed = true;
                }
            }
            if (changed) {
                List<MetricSnapshot> present = new ArrayList<>(current.length);
                for (MetricSnapshot s : current) {
                    if (s != null) {
                        present.add(s);
                    }
                }
                merged = SnapshotSum.of(present);
            }
            out.add(new TimedSnapshot(Instant.ofEpochMilli(b), merged));
        }
        return out;
    }
}
