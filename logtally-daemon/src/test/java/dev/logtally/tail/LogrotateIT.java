package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.PromText;
import dev.logtally.testing.RealProgram;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logtally tail} as a separate process over a file rotated by the real {@code logrotate} (Debian
 * package {@code logrotate}; {@code logrotate -f} with its own state file and configuration in a temp
 * directory), in four modes, while the tailer is killed with {@code -9}: right after logrotate was started
 * (so while it runs, or just after), while it stays down across a rotation, and right after it counted a
 * file it opened while {@code create} had just left it empty (the forced empty-head case: that file is
 * rotated again, and {@code create} may reuse a freed inode, while the tailer is down). The writer is the
 * test itself (N lines, rotate, N lines...), so every run is the same; the served totals end exactly at
 * what was written (copytruncate: at what survived in the files, never above what was written), no
 * served counter ever goes down across the restarts, and no data-loss warning is logged.
 */
class LogrotateIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    enum Mode {
        CREATE_DELAYCOMPRESS("rotate 2", "create", "compress", "delaycompress"),
        COPYTRUNCATE_COMPRESS("rotate 50", "copytruncate", "compress"),
        DATEEXT_COMPRESS("rotate 50", "dateext", "dateformat -%Y%m%d-%s", "compress"),
        CREATE_PLAIN("rotate 50", "create");

        final List<String> directives;

        Mode(String... directives) {
            this.directives = List.of(directives);
        }
    }

    @TempDir
    Path tmp;

    private Path logrotate;
    private Path logs;
    private Path log;
    private Path config;
    private Path tailerConfig;
    private int port;
    private long written;
    private final Map<String, Long> errorsWritten = new TreeMap<>();
    private final Map<String, Double> highest = new HashMap<>();
    private long lastRotationSecond;
    private Mode mode;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void exactUnderRealLogrotateAndKills(Mode mode) throws Exception {
        this.mode = mode;
        logrotate = RealProgram.requireProgram("logrotate", "logrotate");
        logs = Files.createDirectories(tmp.resolve("logs"));
        log = logs.resolve("app.log");
        config = tmp.resolve("logrotate.conf");
        Files.writeString(config, log + " {\n  " + String.join("\n  ", mode.directives) + "\n  missingok\n  nomail\n}\n");
        tailerConfig = tmp.resolve("tailer.properties");
        Files.writeString(tailerConfig, String.join("\n",
                "poll.interval = 20ms",
                "checkpoint.interval = 100ms",
                "rotate.wait = 300ms") + "\n");
        port = RealProgram.freePort();
        Files.createFile(log);

        LogtallyProcess tail = start();
        int kills = 0;
        try {
            write(300);
            awaitCounted(tail);
            rotate();
            write(200);

            // Killed while logrotate runs (or has just run): started, then the kill, then it is awaited.
            write(200);
            Process lr = startLogrotate();
            tail.kill();
            kills++;
            awaitLogrotate(lr);
            write(100);
            tail = start();
            awaitCounted(tail);

            // Down across a rotation.
            tail.kill();
            kills++;
            write(150);
            rotate();
            write(150);
            tail = start();
            awaitCounted(tail);

            // The forced empty-head case: the new file is seen (rotation counted) while still empty, then
            // gets lines that are counted, then the tailer dies and the file is rotated while it is down.
            double rotations = rotationsServed();
            rotate();
            Poll.until(DEADLINE, "tail to see the rotation", () -> rotationsServed() > rotations);
            write(120);
            awaitCounted(tail);
            tail.kill();
            kills++;
            rotate();
            write(80);
            tail = start();
            awaitCounted(tail);

            // A plain kill with lines not yet counted, then more rotations while running.
            write(500);
            tail.kill();
            kills++;
            tail = start();
            rotate();
            write(100);
            rotate();
            write(50);
            awaitCounted(tail);

            Map<String, Double> served = served();
            assertEquals(expected(), appSeries(served));
            assertEquals((double) written, served.get("logtally_lines_total"));
            if (mode == Mode.COPYTRUNCATE_COMPRESS) {
                assertEquals(written, survivingLines(), "every line survived the copy-truncates of this writer");
                assertTrue(served.get("logtally_rotations_total{kind=\"truncate\"}") >= 4, "truncations counted: " + served);
            }
            assertEquals(0.0, served.get("logtally_lost_bytes_total"), () -> "lost bytes reported:\n" + outputsOrError());
            assertEquals(4, kills);
            assertEquals(0, tail.terminate(60), "SIGTERM ends tail with exit 0:\n" + tail.output());
            String outputs = outputs();
            assertFalse(outputs.contains("could not be read"), "no data-loss warning:\n" + outputs);
        } finally {
            tail.close();
        }
    }

    private LogtallyProcess start() {
        LogtallyProcess p = LogtallyProcess.start(tmp.resolve("out"), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "tail", "--path", log.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--listen", "127.0.0.1:" + port, "--namespace", "ns", "--config", tailerConfig.toString());
        Poll.until(DEADLINE, "tail to serve /metrics", () -> {
            if (!p.isAlive()) {
                throw new AssertionError("tail exited:\n" + p.output());
            }
            try {
                served();
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return p;
    }

    /** Appends {@code n} lines, as a service does: to whatever file is at the path now. */
    private void write(int n) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long seq = written++;
            String type = "t" + (seq % 3);
            errorsWritten.merge(type, 1L, Long::sum);
            b.append("{\"@timestamp\":\"2026-12-02T10:00:00Z\",\"level\":\"ERROR\",\"error_type\":\"").append(type)
                    .append("\",\"service\":\"s\",\"method\":\"m\",\"duration_ms\":").append(seq % 50)
                    .append(",\"seq\":").append(seq).append("}\n");
        }
        Files.writeString(log, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void rotate() throws IOException {
        awaitLogrotate(startLogrotate());
    }

    private Process startLogrotate() throws IOException {
        if (mode == Mode.DATEEXT_COMPRESS) {
            // dateext names carry the second: a second rotation within it would be skipped by logrotate.
            Poll.until(Duration.ofSeconds(5), "the next second", () -> System.currentTimeMillis() / 1000 > lastRotationSecond);
            lastRotationSecond = System.currentTimeMillis() / 1000;
        }
        return new ProcessBuilder(logrotate.toString(), "-f", "-s", tmp.resolve("logrotate.state").toString(), config.toString())
                .redirectErrorStream(true).start();
    }

    private static void awaitLogrotate(Process p) throws IOException {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("logrotate did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "logrotate failed: " + out);
    }

    private void awaitCounted(LogtallyProcess tail) {
        Map<String, Double> last = new TreeMap<>();
        Poll.until(DEADLINE, () -> "tail to serve " + written + " lines; last served: " + last + "\nfiles: "
                + listing() + "\n" + tail.output(), () -> {
            try {
                last.clear();
                last.putAll(served());
                return Double.valueOf(written).equals(last.get("logtally_lines_total"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String listing() {
        try (Stream<Path> files = Files.list(logs)) {
            return files.map(f -> f.getFileName() + ":" + f.toFile().length()).sorted().toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private double rotationsServed() {
        try {
            double sum = 0;
            for (Map.Entry<String, Double> e : served().entrySet()) {
                if (e.getKey().startsWith("logtally_rotations_total")) {
                    sum += e.getValue();
                }
            }
            return sum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /metrics} of the tailer; every counter and histogram series checked never to go down. */
    private Map<String, Double> served() throws IOException {
        HttpResponse<String> r;
        try {
            r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, Double> now = PromText.parse(r.body());
        now.forEach((k, v) -> {
            String name = k.contains("{") ? k.substring(0, k.indexOf('{')) : k;
            if (name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_count") || name.endsWith("_sum")) {
                Double before = highest.put(k, v);
                if (before != null && v < before) {
                    throw new AssertionError(k + " went down from " + before + " to " + v);
                }
            }
        });
        return now;
    }

    private Map<String, Double> expected() {
        Map<String, Double> out = new TreeMap<>();
        errorsWritten.forEach((type, n) -> out.put("ns_errors_total{error_type=\"" + type + "\",service=\"s\"}", (double) n));
        out.put("ns_request_duration_seconds_count{method=\"m\"}", (double) written);
        return out;
    }

    private static Map<String, Double> appSeries(Map<String, Double> served) {
        Map<String, Double> out = new TreeMap<>();
        served.forEach((k, v) -> {
            if (k.startsWith("ns_errors_total") || k.startsWith("ns_request_duration_seconds_count")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Lines in the file and every rotated copy (decompressed). */
    private long survivingLines() throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                try (InputStream raw = Files.newInputStream(f);
                     InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    n += r.lines().count();
                }
            }
        }
        return n;
    }

    private String outputsOrError() {
        try {
            return outputs();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String outputs() throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> outs = Files.list(tmp.resolve("out"))) {
            for (Path o : outs.sorted().toList()) {
                b.append("--- ").append(o.getFileName()).append('\n').append(Files.readString(o));
            }
        }
        return b.toString();
    }
}
