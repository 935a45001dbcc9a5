package dev.logtally.run;

import dev.logtally.export.PushOutcome;
import dev.logtally.export.Sender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sending thread of {@code tail}: every interval it asks the reader for a fresh checkpoint, then sends
 * the latest checkpointed values (with retries until the next tick) — to the Pushgateway ({@code Pusher})
 * or to one remote-write store ({@code RemoteWriter}), each on a loop of its own. It reads nothing itself
 * and never blocks the reader; a receiver that is down only delays the next successful send, which then
 * carries the full totals.
 *
 * <pre>{@code
 * PushLoop<MetricSnapshot> loop = new PushLoop<>(reader, pusher, daemon::current, clock, Waiter.monitor(), Duration.ofSeconds(10));
 * new Thread(loop, "logtally-pusher").start();
 * }</pre>
 *
 * @param <T> what the sender sends
 */
public final class PushLoop<T> implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PushLoop.class);
    /** How long a push waits for the reader's fresh checkpoint before pushing the last published one. */
    private static final Duration CHECKPOINT_WAIT = Duration.ofMillis(500);

    private final ReaderLoop reader;
    private final Sender<T> pusher;
    private final Supplier<T> current;
    private final Clock clock;
    private final Waiter waiter;
    private final Duration interval;
    private volatile boolean stopping;

    public PushLoop(ReaderLoop reader, Sender<T> pusher, Supplier<T> current, Clock clock, Waiter waiter,
                    Duration interval) {
        this.reader = reader;
        this.pusher = pusher;
        this.current = current;
        this.clock = clock;
        this.waiter = waiter;
        this.interval = interval;
    }

    public void stop() {
        stopping = true;
        waiter.wake();
    }

    @Override
    public void run() {
        long next = clock.millis();
        while (!stopping) {
            long now = clock.millis();
            if (now < next) {
                try {
                    waiter.await(Duration.ofMillis(next - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            next += interval.toMillis();
            if (next <= now) {
                next = now + interval.toMillis(); // the machine stalled: skip missed ticks instead of bursting
            }
            awaitFreshCheckpoint();
            if (!stopping) {
                pusher.push(current, Instant.ofEpochMilli(next));
            }
        }
    }

    /** The last push, after the reader's final checkpoint: one attempt, bounded by the push timeout. */
    public PushOutcome finalPush() {
        return pusher.pushOnce(current.get());
    }

    private void awaitFreshCheckpoint() {
        try {
            reader.requestCheckpoint().get(CHECKPOINT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("no fresh checkpoint within {}; pushing the last one", CHECKPOINT_WAIT);
        } catch (ExecutionException e) {
            LOG.debug("checkpoint failed; pushing the last one: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
