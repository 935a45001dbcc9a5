package dev.logtally;

import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.parse.Event;
import dev.logtally.run.FollowStep;
import dev.logtally.source.Follower;
import dev.logtally.source.FollowerNotice;
import dev.logtally.source.FollowerOptions;
import dev.logtally.source.FilePosition;
import dev.logtally.state.Checkpoint;
import dev.logtally.state.CheckpointResume;
import dev.logtally.state.CheckpointStore;
import dev.logtally.config.Options;
import java.io.Closeable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tail}'s reading side: a {@link Follower} feeding the {@link Pipeline}, resumed from the
 * checkpoint in the state directory and checkpointed back into it. A checkpoint holds the follower's
 * positions and every counted value of the same instant, so a restart after any stop resumes exactly
 * where the counted lines end.
 *
 * <pre>{@code
 * try (FollowPipeline fp = FollowPipeline.open(options, Clock.systemUTC())) {
 *     fp.poll();
 *     MetricSnapshot durable = fp.checkpoint();
 * }
 * }</pre>
 */
public final class FollowPipeline implements FollowStep, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(FollowPipeline.class);

    private final Pipeline pipeline;
    private final Follower follower;
    private final CheckpointStore store;
    private final String namespace;
    private final Clock clock;
    private final MetricSnapshot restored;
    private long checkpointMillis;

    private FollowPipeline(Pipeline pipeline, Follower follower, CheckpointStore store, String namespace, Clock clock,
                           MetricSnapshot restored, long restoredAtMillis) {
        this.pipeline = pipeline;
        this.follower = follower;
        this.store = store;
        this.namespace = namespace;
        this.clock = clock;
        this.restored = restored;
        this.checkpointMillis = restoredAtMillis;
    }

    /** Locks the state directory, restores the checkpoint if there is one, and opens the followed files. */
    public static FollowPipeline open(Options options, Clock clock) {
        CheckpointStore store = CheckpointStore.open(options.stateDir());
        try {
            Pipeline pipeline = Pipeline.create(options, clock);
            SelfMetrics self = pipeline.self();
            FollowerOptions fo = Pipeline.followerOptions(options, clock);
            Optional<Checkpoint> cp = store.load();
            Follower follower;
            if (cp.isPresent()) {
                List<FilePosition> positions = CheckpointResume.resume(cp.get(), pipeline.aggregator(), self, store.dir());
                LOG.info("resuming from {} ({} file positions)", store.file(), positions.size());
                follower = Follower.resume(fo, positions, notice -> onNotice(notice, self));
            } else {
                LOG.info("no checkpoint in {}: first start, reading files from their {}", store.dir(),
                        options.startAtEnd() ? "end" : "beginning");
                follower = Follower.firstStart(fo, notice -> onNotice(notice, self));
            }
            FollowPipeline fp = new FollowPipeline(pipeline, follower, store, options.namespace(), clock, pipeline.snapshot(),
                    cp.map(Checkpoint::savedAtMillis).orElse(clock.millis()));
            if (cp.isEmpty()) {
                // Make the first start durable at once: a crash before the first regular checkpoint must
                // resume from these files, not start over from whatever the files have become by then.
                fp.checkpoint();
            }
            return fp;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void onNotice(FollowerNotice notice, SelfMetrics self) {
        if (notice instanceof FollowerNotice.Rotated r) {
            self.countRotation(r.kind().label());
            LOG.info(notice.message());
        } else {
            if (notice instanceof FollowerNotice.DataLost lost && lost.bytes() > 0) {
                self.countLostBytes(lost.bytes());
            }
            LOG.warn(notice.message());
        }
    }

    /** The values restored from the checkpoint (zero on a first start): safe to publish at once. */
    public MetricSnapshot restored() {
        return restored;
    }

    /**
     * When the values last checkpointed (or restored) were saved, epoch milliseconds: the time remote write
     * stamps them with. Read it on the thread that checkpoints.
     */
    public long checkpointMillis() {
        return checkpointMillis;
    }

    public SelfMetrics self() {
        return pipeline.self();
    }

    @Override
    public long poll() {
        long read = follower.poll(pipeline);
        long lagBytes = follower.lagBytes();
        SelfMetrics self = pipeline.self();
        self.setLagBytes(lagBytes);
        self.setFilesFollowed(follower.filesOpen());
        long newest = pipeline.newestEventMillis();
        self.setLagSeconds(lagBytes > 0 && newest != Event.NO_TIME ? Math.max(0, clock.millis() - newest) / 1000.0 : 0);
        return read;
    }

    @Override
    public MetricSnapshot checkpoint() {
        // Strictly increasing, even if two checkpoints fall in one millisecond or the wall clock steps back:
        // remote write stamps the values with this time, and a store refuses a second, different value at a
        // time it already holds (or an older time than it holds).
        long now = Math.max(clock.millis(), checkpointMillis + 1);
        MetricSnapshot snapshot = pipeline.snapshot();
        store.save(Checkpoint.of(now, namespace, follower.positions(), snapshot));
        pipeline.self().setCheckpointTime(now);
        checkpointMillis = now;
        return snapshot;
    }

    @Override
    public void close() {
        try {
            follower.close();
        } finally {
            store.close();
        }
    }
}
