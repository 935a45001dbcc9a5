package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.PromText;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input never stops the daemon: random bytes, a 10 MB line, invalid UTF-8, truncated JSON, NaN and
 * negative durations and 10,000 distinct error types. It keeps running, counts each skipped line by
 * reason, and exposes at most {@code labels.max.values} error types plus {@code other}.
 */
class TailBadInputIT {
    @TempDir
    Path tmp;

    @Test
    void hostileLinesAreCountedAndSkippedAndTheDaemonGoesOn() throws Exception {
        Path log = tmp.resolve("app.log");
        Files.createFile(log);
        int port = RealProgram.freePort();
        Path config = tmp.resolve("tailer.properties");
        Files.writeString(config, "poll.interval = 20ms\ncheckpoint.interval = 100ms\nlabels.max.values = 50\n");
        try (LogtallyProcess tail = LogtallyProcess.start(tmp.resolve("out"), "tail", "--path", log.toString(),
                "--state-dir", tmp.resolve("state").toString(), "--listen", "127.0.0.1:" + port,
                "--namespace", "t", "--config", config.toString())) {
            Random r = new Random(5);
            String ok = "{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"level\":\"INFO\",\"method\":\"m\",\"duration_ms\":5}\n";
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                // 1,000 lines of random bytes: never a newline inside, so each is one line
                for (int i = 0; i < 1000; i++) {
                    byte[] junk = new byte[1 + r.nextInt(300)];
                    r.nextBytes(junk);
                    for (int j = 0; j < junk.length; j++) {
                        if (junk[j] == '\n') {
                            junk[j] = 'x';
                        }
                    }
                    out.write(junk);
                    out.write('\n');
                }
                // a 10 MB line (over the 1 MiB cap)
                byte[] big = new byte[10 * 1024 * 1024];
                Arrays.fill(big, (byte) 'a');
                out.write(("{\"message\":\"").getBytes(StandardCharsets.UTF_8));
                out.write(big);
                out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
                // invalid UTF-8 inside an otherwise good line
                out.write("{\"level\":\"ERROR\",\"error_type\":\"bad".getBytes(StandardCharsets.UTF_8));
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28});
                out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
                // truncated JSON
                out.write("{\"level\":\"ERROR\",\"error_type\":\"cut\n".getBytes(StandardCharsets.UTF_8));
                // NaN (not JSON), a NaN string and negative durations: the events count, the values do not
                out.write("{\"level\":\"INFO\",\"method\":\"m\",\"duration_ms\":NaN}\n".getBytes(StandardCharsets.UTF_8));
                out.write("{\"level\":\"INFO\",\"method\":\"m\",\"duration_ms\":\"NaN\"}\n".getBytes(StandardCharsets.UTF_8));
                out.write("{\"level\":\"INFO\",\"method\":\"m\",\"duration_ms\":-5}\n".getBytes(StandardCharsets.UTF_8));
                // 10,000 distinct error types
                for (int i = 0; i < 10_000; i++) {
                    out.write(("{\"level\":\"ERROR\",\"service\":\"s\",\"error_type\":\"type_" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write(ok.getBytes(StandardCharsets.UTF_8));
            }
            long lines = 1000 + 1 + 1 + 1 + 3 + 10_000 + 1;
            Map<String, Double> m = Poll.forValue(Duration.ofSeconds(60), "every line to be counted", () -> {
                Map<String, Double> s = scrape(port);
                return s != null && Double.valueOf(lines).equals(s.get("logtally_lines_total")) ? s : null;
            });
            assertTrue(tail.isAlive(), "still running");
            double skipped = 0;
            for (String reason : new String[] {"malformed", "not_object", "invalid_utf8", "oversized"}) {
                skipped += m.getOrDefault("logtally_parse_errors_total{reason=\"" + reason + "\"}", 0.0);
            }
            assertEquals(1000 + 1 + 1 + 1 + 1, skipped, "random lines, the 10 MB line, bad UTF-8, truncated, NaN literal");
            assertEquals(1.0, m.get("logtally_parse_errors_total{reason=\"oversized\"}"));
            assertEquals(2.0, m.get("logtally_parse_errors_total{reason=\"invalid_duration\"}"), "NaN string and -5");
            assertEquals(1.0, m.get("t_request_duration_seconds_count{method=\"m\"}"), "only the good duration observed");
            long types = m.keySet().stream().filter(k -> k.startsWith("t_errors_total{")).count();
            assertEquals(51, types, "50 error types plus other");
            assertEquals(10_000 - 50, m.get("t_errors_total{error_type=\"other\",service=\"s\"}"));
            assertEquals(10_000 - 50, m.get("logtally_series_dropped_total{label=\"error_type\",metric=\"t_errors_total\"}"));
        }
    }

    private static Map<String, Double> scrape(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? PromText.parse(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
