package dev.logtally.pipeline;

import dev.logtally.aggregate.ErrorGroupControl;
import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import dev.logtally.parse.Event;
import dev.logtally.pipeline.FollowStep;
import dev.logtally.source.Follower;
import dev.logtally.source.FollowerNotice;
import dev.logtally.source.FollowerOptions;
import dev.logtally.source.FilePosition;
import dev.logtally.state.Checkpoint;
import dev.logtally.state.CheckpointResume;
import dev.logtally.state.CheckpointStore;
import dev.logtally.state.StatusRequests;
import dev.logtally.config.Options;
import java.io.Closeable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tail}'s reading side: a {@link Follower} feeding the {@link Pipeline}, resumed from the
 * checkpoint in the state directory and checkpointed back into it. A checkpoint holds the follower's
 * positions and every counted value of the same instant, so a restart after any stop resumes exactly
 * where the counted lines end. The error groups ({@link ErrorGroups}, fed by {@link GroupFeed}) are part of
 * the same checkpoint; status changes ({@link #change}, and request files of {@link StatusRequests}) and
 * alert deliveries ({@link #report}) are applied by the reader thread at a checkpoint and answered once it
 * is on disk; readers see the groups of the last checkpoint ({@link #errorGroups()}).
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
    private final ErrorGroups groups;
    private final Queue<PendingChange> changes = new ConcurrentLinkedQueue<>();
    private final Queue<Consumer<ErrorGroups>> reports = new ConcurrentLinkedQueue<>();
    private volatile ErrorGroupIndex published;
    private long publishedVersion;
    private volatile List<dev.logtally.aggregate.AlertTransition> publishedTransitions;

    private FollowPipeline(Pipeline pipeline, Follower follower, CheckpointStore store, String namespace, Clock clock,
                           ErrorGroups groups, long restoredAtMillis) {
        this.pipeline = pipeline;
        this.follower = follower;
        this.store = store;
        this.namespace = namespace;
        this.clock = clock;
        this.checkpointMillis = restoredAtMillis;
        this.groups = groups;
        this.published = groups.index();
        this.publishedTransitions = groups.transitions();
        this.restored = withGroupMetrics(pipeline.snapshot());
    }

    private record PendingChange(StatusChange change, CompletableFuture<StatusOutcome> done) {
    }

    /** Locks the state directory, restores the checkpoint if there is one, and opens the followed files. */
    public static FollowPipeline open(Options options, Clock clock) {
        CheckpointStore store = CheckpointStore.open(options.stateDir());
        try {
            ErrorGroups groups = ErrorGroups.live(options.metrics().errorLevels(), options.errorGroups(), clock,
                    options.alerts() != null);
            Pipeline pipeline = Pipeline.create(options, clock, Pipeline.EventTap.NONE, new GroupFeed(groups));
            SelfMetrics self = pipeline.self();
            FollowerOptions fo = Pipeline.followerOptions(options, clock);
            Optional<Checkpoint> cp = store.load();
            Follower follower;
            if (cp.isPresent()) {
                List<FilePosition> positions = CheckpointResume.resume(cp.get(), pipeline.aggregator(), self, store.dir());
                groups.restore(cp.get().groups());
                LOG.info("resuming from {} ({} file positions)", store.file(), positions.size());
                follower = Follower.resume(fo, positions, notice -> onNotice(notice, self));
            } else {
                LOG.info("no checkpoint in {}: first start, reading files from their {}", store.dir(),
                        options.startAtEnd() ? "end" : "beginning");
                follower = Follower.firstStart(fo, notice -> onNotice(notice, self));
            }
            FollowPipeline fp = new FollowPipeline(pipeline, follower, store, options.namespace(), clock, groups,
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

    /**
     * Writes a checkpoint. First, on this (the reader) thread: alert deliveries reported since the last one,
     * queued status changes and request files are applied; after the save, their answers are given.
     */
    @Override
    public MetricSnapshot checkpoint() {
        Consumer<ErrorGroups> report;
        while ((report = reports.poll()) != null) {
            report.accept(groups);
        }
        List<PendingChange> applied = new ArrayList<>();
        PendingChange c;
        while ((c = changes.poll()) != null) {
            applied.add(c);
        }
        List<StatusOutcome> outcomes = new ArrayList<>(applied.size());
        for (PendingChange p : applied) {
            outcomes.add(groups.change(p.change()));
        }
        List<StatusRequests.Answered> answers = StatusRequests.applyAll(store.dir(), groups::change);
        // Strictly increasing, even if two checkpoints fall in one millisecond or the wall clock steps back:
        // remote write stamps the values with this time, and a store refuses a second, different value at a
        // time it already holds (or an older time than it holds).
        long now = Math.max(clock.millis(), checkpointMillis + 1);
        MetricSnapshot snapshot = pipeline.snapshot();
        try {
            store.save(Checkpoint.of(now, namespace, follower.positions(), snapshot, groups.state()));
        } catch (RuntimeException e) {
            applied.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        }
        pipeline.self().setCheckpointTime(now);
        checkpointMillis = now;
        if (groups.version() != publishedVersion) {
            published = groups.index();
            publishedVersion = groups.version();
        }
        publishedTransitions = groups.transitions();
        for (int i = 0; i < applied.size(); i++) {
            applied.get(i).done().complete(outcomes.get(i));
        }
        answers.forEach(StatusRequests.Answered::send);
        return withGroupMetrics(snapshot);
    }

    private MetricSnapshot withGroupMetrics(MetricSnapshot s) {
        return Snapshots.combine(s, new MetricSnapshot(groups.selfFamilies()));
    }

    /** The alert transitions of the last checkpoint (only what a crash cannot take back is sent). */
    public List<dev.logtally.aggregate.AlertTransition> alertTransitions() {
        return publishedTransitions;
    }

    /** The groups of the last checkpoint: immutable, from any thread. */
    public ErrorGroupsView errorGroups() {
        return published;
    }

    /**
     * Queues a status change for the reader thread; the future completes after the checkpoint holding it.
     * The caller then asks the reader for a checkpoint ({@link ErrorGroupControl} in {@code TailDaemon}).
     */
    public CompletableFuture<StatusOutcome> change(StatusChange change) {
        CompletableFuture<StatusOutcome> f = new CompletableFuture<>();
        changes.add(new PendingChange(change, f));
        return f;
    }

    /** Queues a report (an alert delivered, failed or finished) to be recorded at the next checkpoint. */
    public void report(Consumer<ErrorGroups> r) {
        reports.add(r);
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
