package dev.logtally.export;

import dev.logtally.base.Version;
import dev.logtally.base.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;
import org.xerial.snappy.Snappy;

/**
 * Writes samples to one store by Prometheus remote write 1.0: a protobuf {@code WriteRequest}
 * ({@link WriteRequestEncoder}) compressed with snappy's block format (snappy-java), POSTed with
 * {@code Content-Encoding: snappy}, {@code Content-Type: application/x-protobuf} and
 * {@code X-Prometheus-Remote-Write-Version: 0.1.0}, plus the configured headers ({@code X-Scope-OrgID} ...).
 * Attempts, retries, auth and TLS are those of the push ({@link Delivery}): 5xx, 429 and transport failures
 * are retried with backoff; any other 4xx is reported in one line with the store's answer and not retried.
 *
 * <p>For {@code tail} it is a {@link Sender} of the checkpointed values stamped with their checkpoint's
 * time: a checkpoint not newer than the last one written is not sent again, a failed one is replaced by
 * the then-latest at the next tick. Since a checkpoint's values never decrease and a store that missed
 * some checkpoints gets the latest totals, the store's counters are exact at every written instant.
 *
 * <pre>{@code
 * try (RemoteWriter w = RemoteWriter.create(options, options.urls().get(0), options.tailLabels(), listener)) {
 *     w.push(daemon::checkpointed, clock.instant().plus(options.interval()));
 * }
 * }</pre>
 */
public final class RemoteWriter implements Sender<TimedSnapshot> {
    /** The protocol version header's value for remote write 1.0. */
    public static final String PROTOCOL_VERSION = "0.1.0";
    private static final int MAX_ERROR_BODY = 4096;

    private final RemoteWriteOptions options;
    private final URI url;
    private final Map<String, String> labels;
    private final Delivery delivery;
    private final Clock clock;
    private final String userAgent = "logtally/" + Version.current();
    private volatile long lastWrittenMillis = Long.MIN_VALUE;

    /**
     * A writer with injected time, waiting and randomness (for tests).
     *
     * @param labels added to every series ({@link RemoteWriteOptions#tailLabels()} for {@code tail})
     * @throws ConfigException when the CA file cannot be used or snappy cannot run on this machine
     */
    public RemoteWriter(RemoteWriteOptions options, URI url, Map<String, String> labels, PushListener listener,
                        Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.options = Objects.requireNonNull(options, "options");
        this.url = Objects.requireNonNull(url, "url");
        this.labels = Map.copyOf(labels);
        this.clock = clock;
        requireSnappy();
        SSLSocketFactory tls = options.caFile() == null || !"https".equals(url.getScheme()) ? null
                : CaTrust.socketFactory(options.caFile(), "remote_write.tls.ca.file");
        Credentials credentials = Credentials.of(options.auth());
        this.delivery = new Delivery(options.timeout(), tls, credentials,
                new FailureText("remote write to", url.toString(), credentials.secrets()),
                listener, clock, sleeper, random, "logtally-remote-write");
    }

    /** A writer on the system clock, real sleeping and a fresh random source. */
    public static RemoteWriter create(RemoteWriteOptions options, URI url, Map<String, String> labels,
                                      PushListener listener) {
        return new RemoteWriter(options, url, labels, listener, Clock.systemUTC(), Sleeper.SYSTEM, new Random());
    }

    /**
     * Writes the latest checkpoint unless it is not newer than the last one written; each request is
     * retried until {@code deadline}. A checkpoint written whole counts as written.
     */
    @Override
    public PushOutcome push(Supplier<TimedSnapshot> latest, Instant deadline) {
        TimedSnapshot point = latest.get();
        return write(point, batch -> delivery.retrying(() -> batch, deadline, this::post));
    }

    /** The latest checkpoint once, each request one attempt. */
    @Override
    public PushOutcome pushOnce(TimedSnapshot point) {
        return write(point, batch -> delivery.once(batch, this::post));
    }

    private PushOutcome write(TimedSnapshot point, java.util.function.Function<byte[], PushOutcome> send) {
        long t = point.time().toEpochMilli();
        if (t <= lastWrittenMillis) {
            return new PushOutcome(true, 0, clock.instant(), null);
        }
        RemoteBatches batches = new RemoteBatches(List.of(point), labels, options.maxSamples());
        int attempts = 0;
        PushOutcome last = new PushOutcome(true, 0, clock.instant(), null);
        while (batches.hasNext()) {
            last = send.apply(body(batches.next()));
            attempts += last.attempts();
            if (!last.succeeded()) {
                return new PushOutcome(false, attempts, last.finishedAt(), last.lastFailure());
            }
        }
        lastWrittenMillis = t;
        return new PushOutcome(true, attempts, last.finishedAt(), null);
    }

    /** One request of {@code replay}: {@code batch}, retried until {@code deadline}. */
    public PushOutcome send(List<RemoteSeries> batch, Instant deadline) {
        byte[] body = body(batch);
        return delivery.retrying(() -> body, deadline, this::post);
    }

    /** The snappy-compressed protobuf of {@code batch}: the exact request body. */
    public static byte[] body(List<RemoteSeries> batch) {
        try {
            return Snappy.compress(WriteRequestEncoder.encode(batch));
        } catch (IOException e) {
            throw new IllegalStateException("snappy failed: " + e.getMessage(), e);
        }
    }

    private void post(byte[] body, AttemptConnection connection) throws IOException {
        HttpURLConnection c = connection.create(url.toString());
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Encoding", "snappy");
        c.setRequestProperty("Content-Type", "application/x-protobuf");
        c.setRequestProperty("X-Prometheus-Remote-Write-Version", PROTOCOL_VERSION);
        c.setRequestProperty("User-Agent", userAgent);
        options.headers().forEach(c::setRequestProperty);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        if (status / 100 != 2) {
            throw new HttpStatusException(status, read(c.getErrorStream()));
        }
        try (InputStream in = c.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        }
    }

    private static void requireSnappy() {
        try {
            Snappy.getNativeLibraryVersion();
            Snappy.compress(new byte[1]);
        } catch (IOException | Error e) {
            throw new ConfigException("remote_write.url", "snappy compression (snappy-java) cannot run on this machine ("
                    + System.getProperty("os.arch") + "): " + e.getMessage());
        }
    }

    /** The store this writer writes to. */
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        delivery.close();
    }

    @Override
    public String toString() {
        return "RemoteWriter[" + url + "]";
    }
}
