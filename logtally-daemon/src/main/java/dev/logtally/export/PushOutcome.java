package dev.logtally.export;

import java.time.Instant;

/**
 * The result of {@link Pusher#push}: whether the snapshot got through, after how many attempts, and the
 * last failure when it did not.
 *
 * <pre>{@code
 * PushOutcome outcome = pusher.push(store::latest, nextPushAt);
 * if (!outcome.succeeded()) {
 *     log.warn(outcome.lastFailure().message());
 * }
 * }</pre>
 *
 * @param succeeded   true when the last attempt was accepted
 * @param attempts    attempts made (at least 1)
 * @param finishedAt  when the last attempt ended, by the pusher's clock
 * @param lastFailure the last attempt's failure; null on success
 */
public record PushOutcome(boolean succeeded, int attempts, Instant finishedAt, PushFailure lastFailure) {
}
