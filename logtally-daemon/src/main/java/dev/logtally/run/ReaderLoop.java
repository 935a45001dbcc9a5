package dev.logtally.run;

import dev.logtally.pipeline.FollowStep;

import dev.logtally.aggregate.MetricSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread of {@code tail}: polls the followed files, and writes a checkpoint between two polls
 * when one is due or asked for (by the pusher, right before it pushes), so positions and values are
 * always of one instant. It never dies of one bad step: an unexpected failure is logged and the loop
 * goes on after a pause. {@link #stop()} ends it after a final checkpoint.
 *
 * <pre>{@code
 * ReaderLoop loop = new ReaderLoop(pipeline, Clock.systemUTC(), Waiter.monitor(), Duration.ofMillis(200),
 *         Duration.ofSeconds(10), published::set);
 * new Thread(loop, "logtally-reader").start();
 * MetricSnapshot fresh = loop.requestCheckpoint().get();
 * }</pre>
 */
public final class ReaderLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderLoop.class);

    private final FollowStep step;
    private final Clock clock;
    private final Waiter waiter;
    private final Duration pollInterval;
    private final Duration checkpointInterval;
    private final Consumer<MetricSnapshot> publish;
    private final AtomicReference<CompletableFuture<MetricSnapshot>> request = new AtomicReference<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean stopping;
    private long nextCheckpointAt;
    /** When the checkpoints began to fail (the first failure since the last success), or -1. */
    private volatile long failingSince = -1;
    private volatile String lastFailure;
    private volatile boolean finalCheckpointFailed;

    public ReaderLoop(FollowStep step, Clock clock, Waiter waiter, Duration pollInterval,
                      Duration checkpointInterval, Consumer<MetricSnapshot> publish) {
        this.step = step;
        this.clock = clock;
        this.waiter = waiter;
        this.pollInterval = pollInterval;
        this.checkpointInterval = checkpointInterval;
        this.publish = publish;
        this.nextCheckpointAt = clock.millis() + checkpointInterval.toMillis();
    }

    /** Asks for a checkpoint at the next step boundary; completes with its snapshot (or exceptionally). */
    public CompletableFuture<MetricSnapshot> requestCheckpoint() {
        CompletableFuture<MetricSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<MetricSnapshot> existing = request.compareAndExchange(null, mine);
        waiter.wake();
        return existing == null ? mine : existing;
    }

    /** Ends the loop after its current step and a final checkpoint. */
    public void stop() {
        stopping = true;
        waiter.wake();
    }

    /**
     * Null while checkpoints are written; once they have failed for longer than three checkpoint intervals
     * (a full state disk, a read-only state directory), one line saying so: {@code /-/healthy} answers 503
     * with it. Any thread.
     */
    public String unhealthy() {
        long since = failingSince;
        if (since < 0 || clock.millis() - since <= 3 * checkpointInterval.toMillis()) {
            return null;
        }
        return "checkpoints have failed for " + (clock.millis() - since) / 1000 + "s (checkpoint.interval "
                + dev.logtally.base.Durations.format(checkpointInterval) + "): " + lastFailure;
    }

    /** True when the loop has ended and its final checkpoint could not be written. */
    public boolean finalCheckpointFailed() {
        return finalCheckpointFailed;
    }

    /** Completes when the loop has ended (after the final checkpoint). */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                runOnce();
            }
        } finally {
            finalCheckpointFailed = !checkpointNow();
            finished.complete(null);
        }
    }

    /** One step: poll, then checkpoint if due or asked, then wait if there was nothing to read. */
    void runOnce() {
        long read;
        try {
            read = step.poll();
        } catch (RuntimeException | Error e) {
            LOG.error("reading failed, retrying in {}: {}", pollInterval, e.toString(), e);
            read = 0;
        }
        if (request.get() != null || clock.millis() >= nextCheckpointAt) {
            checkpointNow();
        }
        if (read == 0 && !stopping && request.get() == null) {
            try {
                waiter.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }

    /** Writes a checkpoint and publishes it; false when it failed (logged, and tracked for {@link #unhealthy()}). */
    private boolean checkpointNow() {
        CompletableFuture<MetricSnapshot> asked = request.getAndSet(null);
        long now = clock.millis();
        nextCheckpointAt = now + checkpointInterval.toMillis();
        try {
            MetricSnapshot s = step.checkpoint();
            failingSince = -1;
            publish.accept(s);
            if (asked != null) {
                asked.complete(s);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("checkpoint failed (values stay unpublished until one succeeds): {}", e.getMessage());
            lastFailure = e.getMessage();
            if (failingSince < 0) {
                failingSince = now;
            }
            if (asked != null) {
                asked.completeExceptionally(e);
            }
            return false;
        }
    }
}
