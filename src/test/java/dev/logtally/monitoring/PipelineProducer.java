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
 * The real pipeline as a {@link MetricsProducer}: the sample service ({@code logtally demo-app}, logging
 * through the drop-in) and {@code logtally tail --push}, each a separate process from the packaged jar.
 * {@link Traffic#errorBurst()} switches on the sample service's upstream incident (a file it watches):
 * {@code connection_timeout} errors at 30 a second on top of its normal traffic.
 */
final class PipelineProducer implements MetricsProducer {
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

    @Override
    public void start(Traffic traffic) {
        setTraffic(traffic);
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

    @Override
    public void setTraffic(Traffic traffic) {
        try {
            if (traffic.totalErrorsPerSecond() > Traffic.normal().totalErrorsPerSecond()) {
                Files.createDirectories(dir);
                Files.writeString(incidentFile(), "incident\n");
            } else {
                Files.deleteIfExists(incidentFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long acceptedPushes() {
        return scrape().getOrDefault("logtally_pushes_total{instance=\"" + instance + "\",job=\"" + job + "\"}", 0.0).longValue();
    }

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
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(pushgateway.resolve("/metrics"))
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
