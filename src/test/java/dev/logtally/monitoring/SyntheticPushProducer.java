package dev.logtally.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MetricsProducer} that pushes {@link SimulatedMetrics} itself, with a plain HTTP PUT of the text
 * format to {@code /metrics/job/JOB/instance/INSTANCE} every {@code interval}, as {@code logtally tail
 * --push} does. Until the real pipeline can be driven from the tests (see the TODO on
 * {@link MetricsProducer}), this is what feeds the stack.
 *
 * <pre>{@code
 * try (var p = new SyntheticPushProducer(URI.create(pg.url()), "loka-stratum", "pool-1", "loka-stratum",
 *         Duration.ofSeconds(1), Clock.systemUTC())) {
 *     p.start(Traffic.normal());
 * }
 * }</pre>
 */
final class SyntheticPushProducer implements MetricsProducer {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI groupUri;
    private final Duration interval;
    private final Clock clock;
    private final SimulatedMetrics metrics;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "synthetic-push");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong accepted = new AtomicLong();
    private volatile Traffic traffic;
    private volatile String lastFailure = "";

    SyntheticPushProducer(URI pushgateway, String job, String instance, String service, Duration interval, Clock clock) {
        this.groupUri = pushgateway.resolve("/metrics/job/" + job + "/instance/" + instance);
        this.interval = interval;
        this.clock = clock;
        this.metrics = new SimulatedMetrics(service);
    }

    @Override
    public void start(Traffic initial) {
        traffic = initial;
        try {
            pusher.submit(this::pushOnce).get(); // on the pusher thread: the metrics are confined to it
        } catch (ExecutionException e) {
            throw new AssertionError("first push to " + groupUri + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        long ms = interval.toMillis();
        pusher.scheduleAtFixedRate(() -> {
            try {
                pushOnce();
            } catch (IOException | RuntimeException e) {
                lastFailure = e.toString(); // like the tailer: keep going, the next push carries the totals
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void setTraffic(Traffic next) {
        traffic = next;
    }

    @Override
    public long acceptedPushes() {
        return accepted.get();
    }

    /** The last failed push, or empty. */
    String lastFailure() {
        return lastFailure;
    }

    private Void pushOnce() throws IOException {
        metrics.advance(traffic, interval.toNanos() / 1e9, clock.millis() / 1000.0);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(groupUri).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(metrics.text())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200 && r.statusCode() != 202) {
            throw new IOException("PUT " + groupUri + ": " + r.statusCode() + " " + r.body());
        }
        accepted.incrementAndGet();
        return null;
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        try {
            pusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
