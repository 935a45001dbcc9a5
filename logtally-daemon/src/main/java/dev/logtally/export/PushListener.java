package dev.logtally.export;

import java.time.Instant;

/**
 * Hears every push attempt, so the daemon can count {@code logtally_pushes_total} and
 * {@code logtally_push_failures_total}, set {@code logtally_last_push_timestamp_seconds} and log failures
 * (see {@link LoggingPushListener}). Called on the pushing thread; must not throw.
 *
 * <pre>{@code
 * PushListener listener = new PushListener() {
 *     public void succeeded(Instant at) { pushes.increment(); lastPush.set(at); }
 *     public void failed(PushFailure failure) { failures.increment(); log.warn(failure.message()); }
 * };
 * }</pre>
 */
public interface PushListener {
    /** Hears nothing. */
    PushListener NONE = new PushListener() {
    };

    /** A push was accepted at {@code at}. */
    default void succeeded(Instant at) {
    }

    /** One attempt failed (every retry is an attempt). Interruption at shutdown is not reported. */
    default void failed(PushFailure failure) {
    }

    /** This listener, then {@code next}. */
    default PushListener andThen(PushListener next) {
        PushListener first = this;
        return new PushListener() {
            @Override
            public void succeeded(Instant at) {
                first.succeeded(at);
                next.succeeded(at);
            }

            @Override
            public void failed(PushFailure failure) {
                first.failed(failure);
                next.failed(failure);
            }
        };
    }
}
