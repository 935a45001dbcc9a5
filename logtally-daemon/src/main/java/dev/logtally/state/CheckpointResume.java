package dev.logtally.state;

import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.base.ConfigException;
import dev.logtally.source.FilePosition;
import java.nio.file.Path;
import java.util.List;

/**
 * Resumes a fresh {@link Aggregator} and {@link SelfMetrics} from a loaded {@link Checkpoint}, after checking
 * that it was written under the same namespace: otherwise none of its metrics would match, every counter
 * would silently restart at zero while reading resumed after the lines already counted.
 *
 * <pre>{@code
 * Optional<Checkpoint> cp = store.load();
 * List<FilePosition> positions = cp.map(c -> CheckpointResume.resume(c, aggregator, self, store.dir()))
 *         .orElse(List.of());
 * }</pre>
 */
public final class CheckpointResume {
    private CheckpointResume() {
    }

    /**
     * Restores the metric values and the last checkpoint time, and returns the file positions to resume from.
     *
     * @throws ConfigException when the checkpoint does not fit the configuration (key {@code namespace}:
     *         another namespace; {@code buckets}: other buckets; {@code state.dir}: another shape)
     */
    public static List<FilePosition> resume(Checkpoint cp, Aggregator aggregator, SelfMetrics self, Path dir) {
        String where = "the state in " + dir;
        String ns = aggregator.options().namespace();
        if (!cp.namespace().equals(ns)) {
            throw new ConfigException("namespace", where + " was written with namespace '" + cp.namespace()
                    + "', not '" + ns + "'; use --namespace " + cp.namespace() + ", or start with a new state dir");
        }
        aggregator.restore(cp.metrics(), where);
        self.restore(cp.metrics(), where);
        self.setCheckpointTime(cp.savedAtMillis());
        return cp.positions();
    }
}
