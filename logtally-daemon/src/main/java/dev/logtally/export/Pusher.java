package dev.logtally.export;

import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.config.ConfigException;
import io.prometheus.client.exporter.PushGateway;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
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
 * Pushes snapshots to a Pushgateway with HTTP PUT (simpleclient_pushgateway {@code push}): the whole
 * group {@code job}/{@code instance} is replaced, so a series gone from the snapshot is gone from the
 * Pushgateway, and the next successful push after an outage carries the full totals.
 *
 * <p>Each attempt runs on a worker thread and is bounded by {@code push.timeout}: on overrun the
 * connection is disconnected and the attempt fails (simpleclient's own timeouts are a fixed 10 s).
 * Failed attempts are retried with exponential backoff and full jitter ({@link Backoff}) as long as a
 * retry can end before the caller's deadline (its next push); each retry takes the latest snapshot from
 * the supplier. A refusal (4xx other than 408/429) is not retried: the same request would be refused
 * again. Every attempt is reported to the {@link PushListener}; messages are one line and never hold a
 * secret (a server echoing the credentials back has them masked).
 *
 * <pre>{@code
 * try (Pusher pusher = Pusher.create(options, listener)) {
 *     PushOutcome outcome = pusher.push(store::latest, clock.instant().plus(interval));
 * }
 * }</pre>
 */
public final class Pusher implements AutoCloseable {
    /** Ceiling of the first retry's wait; doubled each retry. */
    public static final Duration BACKOFF_BASE = Duration.ofMillis(250);
    /** Ceiling of any retry's wait. */
    public static final Duration BACKOFF_CAP = Duration.ofSeconds(30);

    private final PushOptions options;
    private final PushListener listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final URL baseUrl;
    private final Map<String, String> groupingKey;
    private final SSLSocketFactory tls;
    private final String authorization;
    private final List<String> secrets = new ArrayList<>();
    private final FailureText failures;
    private final ExecutorService workers;

    /**
     * A pusher with injected time, waiting and randomness (for tests).
     *
     * @throws ConfigException when {@code push.tls.ca.file} cannot be used
     */
    public Pusher(PushOptions options, PushListener listener, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = new Backoff(BACKOFF_BASE, BACKOFF_CAP, random);
        try {
            this.baseUrl = options.url().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigException("push.url", "not a URL: " + options.url());
        }
        this.groupingKey = Map.of("instance", options.instance());
        this.tls = options.caFile() == null ? null : CaTrust.socketFactory(options.caFile());
        this.authorization = AuthHeader.of(options.auth(), secrets);
        this.failures = new FailureText(options.url().toString(), secrets);
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "logtally-push");
            t.setDaemon(true);
            return t;
        });
    }

    /** A pusher on the system clock, real sleeping and a fresh random source. */
    public static Pusher create(PushOptions options, PushListener listener) {
        return new Pusher(options, listener, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }

    /**
     * Pushes the supplier's latest snapshot, retrying failed attempts until one succeeds, a refusal makes
     * retrying pointless, or the next retry could not end before {@code deadline}.
     */
    public PushOutcome push(Supplier<MetricSnapshot> latest, Instant deadline) {
        int attempts = 0;
        while (true) {
            PushFailure failure = attempt(latest.get());
            attempts++;
            Instant now = clock.instant();
            if (failure == null) {
                return new PushOutcome(true, attempts, now, null);
            }
            if (failure.permanent() || failure.kind() == PushFailure.Kind.INTERRUPTED) {
                return new PushOutcome(false, attempts, now, failure);
            }
            Duration wait = backoff.delay(attempts - 1);
            if (now.plus(wait).plus(options.timeout()).isAfter(deadline)) {
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
    public PushOutcome pushOnce(MetricSnapshot snapshot) {
        PushFailure failure = attempt(snapshot);
        return new PushOutcome(failure == null, 1, clock.instant(), failure);
    }

    /** One attempt: null on success, else the failure (already reported to the listener). */
    private PushFailure attempt(MetricSnapshot snapshot) {
        AttemptConnection connection = new AttemptConnection(tls, authorization, (int) options.timeout().toMillis());
        PushGateway gateway = new PushGateway(baseUrl);
        gateway.setConnectionFactory(connection);
        SnapshotCollector collector = new SnapshotCollector(() -> snapshot);
        Future<?> future = workers.submit(() -> {
            gateway.push(collector, options.job(), groupingKey);
            return null;
        });
        PushFailure failure;
        try {
            future.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
            listener.succeeded(clock.instant());
            return null;
        } catch (TimeoutException e) {
            connection.abort();
            future.cancel(true);
            failure = failures.timeout(options.timeout());
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

    /** The options this pusher was built with (secrets masked in their {@code toString}). */
    public PushOptions options() {
        return options;
    }

    /** Stops the worker threads; an attempt still running is abandoned. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "Pusher" + options.describe();
    }
}
