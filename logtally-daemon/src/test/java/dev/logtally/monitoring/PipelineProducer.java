package dev.logtally.monitoring;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.PromText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Makes a service's metrics appear on the Pushgateway the way a deployment does, for real: the sample
 * service ({@code logtally demo-app --rate 80}, logging through the drop-in; its requests fail now and then,
 * under 5% of them, as {@code ErrorTrackingStackIT} checks) and {@code logtally tail --push} (one push group
 * {@code job}, {@code instance}, every second), each a separate process from the packaged jar.
 * {@link #startIncident()} switches on the sample service's upstream incident (a file it watches):
 * {@code connection_timeout} errors at 30 a second on top of its normal traffic.
 *
 * <pre>{@code
 * try (PipelineProducer p = new PipelineProducer(dir, pushgatewayUrl, "loka-stratum", "pool-1")) {
 *     p.start();           // returns once the first push with the service's requests was accepted
 *     p.startIncident();
 * }
 * }</pre>
 */
final class PipelineProducer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final URI pushgateway;
    private final String job;
    private final String instance;
    private LogtallyProcess app;
    private LogtallyProcess tail;

    PipelineProducer(Path dir, URI pushgateway, String job, String instance) {
        this.dir = dir;
        this.pushgateway = pushgateway;
        this.job = job;
        this.instance = instance;
    }

    /** Starts both processes; returns once the first push with the sample service's requests was accepted. */
    void start() {
        Path logs = dir.resolve("logs");
        app = LogtallyProcess.start(dir.resolve("out"), "demo-app", "--rate", "80", "--log-dir", logs.toString(),
                "--release", "2.4.1", "--incident-file", incidentFile().toString(), "--incident-errors", "30");
        tail = LogtallyProcess.start(dir.resolve("out"), "tail", "--path", logs.resolve("loka-stratum.log").toString(),
                "--state-dir", dir.resolve("state").toString(), "--push", pushgateway.toString(), "--job", job,
                "--instance", instance, "--push-interval", "1s", "--config", Assets.file("tailer/tailer.properties").toString());
        Poll.until(Duration.ofSeconds(60), "logtally tail's first push with the sample service's requests", () -> {
            if (!tail.isAlive() || !app.isAlive()) {
                throw new AssertionError("a process died:\n--- tail:\n" + tail.output() + "\n--- demo-app:\n" + app.output());
            }
            return acceptedPushes() > 0 && scrape().keySet().stream()
                    .anyMatch(k -> k.startsWith("loka_stratum_request_duration_seconds_count{"));
        });
    }

    /** Switches on the sample service's incident: 30 {@code connection_timeout} errors a second more. */
    void startIncident() {
        try {
            Files.createDirectories(dir);
            Files.writeString(incidentFile(), "incident\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes the Pushgateway accepted so far. */
    private long acceptedPushes() {
        return scrape().getOrDefault("logtally_pushes_total{instance=\"" + instance + "\",job=\"" + job + "\"}", 0.0).longValue();
    }

    /** Stops both processes (SIGTERM); what was pushed stays on the Pushgateway. */
    @Override
    public void close() {
        for (LogtallyProcess p : new LogtallyProcess[] {tail, app}) {
            if (p != null) {
                p.terminate(60);
            }
        }
    }

    private Path incidentFile() {
        return dir.resolve("incident");
    }

    private Map<String, Double> scrape() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(pushgateway.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? PromText.parse(r.body()) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
