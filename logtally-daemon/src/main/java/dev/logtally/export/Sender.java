package dev.logtally.export;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Something the tailer's sending loop ({@code run.PushLoop}) hands the latest checkpointed values to: the
 * Pushgateway {@link Pusher} (a {@code MetricSnapshot}) or a {@link RemoteWriter} (a {@link TimedSnapshot},
 * stamped with its checkpoint's time). Both retry within the deadline and report to their listener.
 *
 * <pre>{@code
 * Sender<TimedSnapshot> sender = RemoteWriter.create(options, url, listener);
 * PushOutcome o = sender.push(daemon::checkpointed, clock.instant().plus(interval));
 * sender.pushOnce(daemon.checkpointed());   // the final one, after the last checkpoint
 * }</pre>
 *
 * @param <T> what is sent
 */
public interface Sender<T> extends AutoCloseable {
    /** Sends the supplier's latest value, retrying until {@code deadline}. */
    PushOutcome push(Supplier<T> latest, Instant deadline);

    /** One bounded attempt, no retry. */
    PushOutcome pushOnce(T value);

    /** Releases threads and connections. */
    @Override
    void close();
}
