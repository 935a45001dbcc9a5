package dev.logtally.state;

import dev.logtally.aggregate.ErrorGroupsState;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.source.FilePosition;
import java.util.List;
import java.util.Objects;

/**
 * What {@code tail} resumes from after any stop: where reading of each file stands and every checkpointed
 * metric value, of the same instant (taken on the reader thread between two polls). Written and read by
 * {@link CheckpointStore}.
 *
 * <pre>{@code
 * Checkpoint cp = Checkpoint.of(clock.millis(), "loka_stratum", follower.positions(),
 *         Snapshots.combine(aggregator.snapshot(), selfMetrics.checkpointed()));
 * store.save(cp);
 * }</pre>
 *
 * @param formatVersion the file format version it was read from ({@link #FORMAT_VERSION} for a new one; files are
 *                      always written in the current format)
 * @param savedAtMillis when it was taken, epoch milliseconds
 * @param namespace     the metric namespace the metrics were counted under: resuming under another one would
 *                      silently restart every counter at zero, so {@link CheckpointResume} refuses it
 * @param positions     one per file being read
 * @param metrics       the aggregator's metrics and the checkpointed {@code logtally_*} counters
 * @param groups        the error groups, their statuses and alert transitions of the same instant (empty in a
 *                      format 1 file, which had none)
 */
public record Checkpoint(int formatVersion, long savedAtMillis, String namespace, List<FilePosition> positions,
                         MetricSnapshot metrics, ErrorGroupsState groups) {

    /** The format this version writes (and the newest it reads). 2 added the error groups. */
    public static final int FORMAT_VERSION = 2;

    public Checkpoint {
        Objects.requireNonNull(namespace, "namespace");
        positions = List.copyOf(positions);
        for (FilePosition p : positions) {
            if (p.stream() == null || p.path() == null || p.offset() < 0 || p.headLength() < 0) {
                throw new IllegalArgumentException("incomplete file position: " + p);
            }
        }
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(groups, "groups");
    }

    /** A checkpoint in the current format. */
    public static Checkpoint of(long savedAtMillis, String namespace, List<FilePosition> positions,
                                MetricSnapshot metrics) {
        return new Checkpoint(FORMAT_VERSION, savedAtMillis, namespace, positions, metrics, ErrorGroupsState.EMPTY);
    }

    /** A checkpoint in the current format, with error groups. */
    public static Checkpoint of(long savedAtMillis, String namespace, List<FilePosition> positions,
                                MetricSnapshot metrics, ErrorGroupsState groups) {
        return new Checkpoint(FORMAT_VERSION, savedAtMillis, namespace, positions, metrics, groups);
    }

    /** This checkpoint with other error groups (a status change applied while no tailer runs). */
    public Checkpoint withGroups(ErrorGroupsState g) {
        return new Checkpoint(FORMAT_VERSION, savedAtMillis, namespace, positions, metrics, g);
    }
}
