package dev.logtally.export;

import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.base.ConfigException;
import io.prometheus.client.exporter.PushGateway;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;

/**
 * Pushes snapshots to a Pushgateway with HTTP PUT (simpleclient_pushgateway {@code push}): the whole
 * group {@code job}/{@code instance} is replaced, so a series gone from the snapshot is gone from the
 * Pushgateway, and the next successful push after an outage carries the full totals.
 *
 * <p>Attempts and retries are those of every logtally delivery ({@link Delivery}): each attempt runs on a
 * worker thread and is bounded by {@code push.timeout}: on overrun the connection is disconnected and the
 * attempt fails (simpleclient's own timeouts are a fixed 10 s). Failed attempts are retried with exponential backoff and full jitter ({@link Backoff}) as long as a
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
public final class Pusher implements Sender<MetricSnapshot> {
    /** Ceiling of the first retry's wait; doubled each retry. */
    public static final Duration BACKOFF_BASE = Delivery.BACKOFF_BASE;
    /** Ceiling of any retry's wait. */
    public static final Duration BACKOFF_CAP = Delivery.BACKOFF_CAP;

    private final PushOptions options;
    private final URL baseUrl;
    private final Map<String, String> groupingKey;
    private final Delivery delivery;

    /**
     * A pusher with injected time, waiting and randomness (for tests).
     *
     * @throws ConfigException when {@code push.tls.ca.file} cannot be used
     */
    public Pusher(PushOptions options, PushListener listener, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.options = Objects.requireNonNull(options, "options");
        try {
            this.baseUrl = options.url().toURL();
        } catch (MalformedURLException e) {
            throw new ConfigException("push.url", "not a URL: " + options.url());
        }
        this.groupingKey = Map.of("instance", options.instance());
        SSLSocketFactory tls = options.caFile() == null ? null : CaTrust.socketFactory(options.caFile(), "push.tls.ca.file");
        Credentials credentials = Credentials.of(options.auth());
        this.delivery = new Delivery(options.timeout(), tls, credentials,
                new FailureText("push to", options.url().toString(), credentials.secrets()),
                listener, clock, sleeper, random, "logtally-push");
    }

    /** A pusher on the system clock, real sleeping and a fresh random source. */
    public static Pusher create(PushOptions options, PushListener listener) {
        return new Pusher(options, listener, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }

    /**
     * Pushes the supplier's latest snapshot, retrying failed attempts until one succeeds, a refusal makes
     * retrying pointless, or the next retry could not end before {@code deadline}.
     */
    @Override
    public PushOutcome push(Supplier<MetricSnapshot> latest, Instant deadline) {
        return delivery.retrying(latest, deadline, this::put);
    }

    /** One bounded attempt, no retry. */
    @Override
    public PushOutcome pushOnce(MetricSnapshot snapshot) {
        return delivery.once(snapshot, this::put);
    }

    /** HTTP PUT of the whole group with simpleclient, through the attempt's connection. */
    private void put(MetricSnapshot snapshot, AttemptConnection connection) throws IOException {
        PushGateway gateway = new PushGateway(baseUrl);
        gateway.setConnectionFactory(connection);
        gateway.push(new SnapshotCollector(() -> snapshot), options.job(), groupingKey);
    }

    /** The options this pusher was built with (secrets masked in their {@code toString}). */
    public PushOptions options() {
        return options;
    }

    /** Stops the worker threads; an attempt still running is abandoned. */
    @Override
    public void close() {
        delivery.close();
    }

    @Override
    public String toString() {
        return "Pusher" + options.describe();
    }
}
