package dev.logtally.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;

/**
 * How logtally delivers anything over HTTP — the Pushgateway push ({@link Pusher}) and remote write
 * ({@link RemoteWriter}) alike: each attempt runs on a worker thread through an {@link AttemptConnection}
 * (our TLS trust and {@code Authorization} header) and is bounded by {@code timeout}: on overrun the
 * connection is disconnected. Failed attempts are retried with exponential backoff and full jitter
 * ({@link Backoff}) as long as a retry can end before the caller's deadline; a refusal (4xx other than 408
 * and 429, see {@link PushFailure#permanent()}) is not retried. Every attempt is reported to the
 * {@link PushListener}; failures are one line with every secret masked ({@link FailureText}).
 *
 * <pre>{@code
 * Delivery d = new Delivery(timeout, tls, Credentials.of(auth), new FailureText("push to", url, secrets),
 *         listener, clock, Sleeper.SYSTEM, new Random());
 * PushOutcome o = d.retrying(store::latest, deadline, (snapshot, connection) -> post(snapshot, connection));
 * }</pre>
 */
final class Delivery implements AutoCloseable {
    /** Ceiling of the first retry's wait; doubled each retry. */
    static final Duration BACKOFF_BASE = Duration.ofMillis(250);
    /** Ceiling of any retry's wait. */
    static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    /** One HTTP exchange of one attempt: throws on failure ({@link HttpStatusException} for a non-2xx answer). */
    @FunctionalInterface
    interface Exchange<T> {
        void send(T value, AttemptConnection connection) throws Exception;
    }

    private final Duration timeout;
    private final SSLSocketFactory tls;
    private final Credentials credentials;
    private final FailureText failures;
    private final PushListener listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final ExecutorService workers;

    Delivery(Duration timeout, SSLSocketFactory tls, Credentials credentials, FailureText failures, PushListener listener,
             Clock clock, Sleeper sleeper, RandomGenerator random, String threadName) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tls = tls;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(BACKOFF_BASE, BACKOFF_CAP, random);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends the supplier's latest value, retrying failed attempts until one succeeds, a refusal makes
     * retrying pointless, or the next retry could not end before {@code deadline}.
     */
    <T> PushOutcome retrying(Supplier<T> latest, Instant deadline, Exchange<T> exchange) {
        int attempts = 0;
        while (true) {
            PushFailure failure = attempt(latest.get(), exchange);
            attempts++;
            Instant now = clock.instant();
            if (failure == null) {
                return new PushOutcome(true, attempts, now, null);
            }
            if (failure.permanent() || failure.kind() == PushFailure.Kind.INTERRUPTED) {
                return new PushOutcome(false, attempts, now, failure);
            }
            Duration wait = backoff.delay(attempts - 1);
            if (now.plus(wait).plus(timeout).isAfter(deadline)) {
                return new PushOutcome(false, attempts, now, failure);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PushOutcome(false, attempts, clock.instant(), failure);
            }
        }
    }

    /** One bounded attempt, no retry. */
    <T> PushOutcome once(T value, Exchange<T> exchange) {
        PushFailure failure = attempt(value, exchange);
        return new PushOutcome(failure == null, 1, clock.instant(), failure);
    }

    /** One attempt: null on success, else the failure (already reported to the listener). */
    private <T> PushFailure attempt(T value, Exchange<T> exchange) {
        AttemptConnection connection = new AttemptConnection(tls, credentials.header(), (int) timeout.toMillis());
        Future<?> future = workers.submit(() -> {
            exchange.send(value, connection);
            return null;
        });
        PushFailure failure;
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            listener.succeeded(clock.instant());
            return null;
        } catch (TimeoutException e) {
            connection.abort();
            future.cancel(true);
            failure = failures.timeout(timeout);
        } catch (ExecutionException e) {
            failure = failures.of(e.getCause());
        } catch (InterruptedException e) {
            connection.abort();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return failures.interrupted();
        }
        listener.failed(failure);
        return failure;
    }

    /** Stops the worker threads; an attempt still running is abandoned. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
