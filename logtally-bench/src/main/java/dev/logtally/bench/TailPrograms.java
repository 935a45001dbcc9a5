package dev.logtally.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real programs of the end-to-end benchmarks ({@link FreshnessBench}, {@link MemoryBench}): the Debian
 * {@code prometheus-pushgateway} on a free loopback port, and {@code logtally tail} as a separate process
 * from {@code logtally-daemon/target/logtally.jar}, plus the little HTTP and {@code /proc} reading they need. (The test
 * harness's {@code RealProgram} and {@code LogtallyProcess} are test-scoped, so not in the benchmark jar.)
 *
 * <pre>{@code
 * try (TailPrograms.Program pg = TailPrograms.pushgateway(dir)) {
 *     String text = TailPrograms.get(pg.url() + "/metrics");
 *     double lines = TailPrograms.value(text, "logtally_lines_total");
 * }
 * }</pre>
 */
final class TailPrograms {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TailPrograms() {
    }

    /** A started program; {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s). */
    record Program(String name, Process process, int port, Path output) implements AutoCloseable {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        long pid() {
            return process.pid();
        }

        /** SIGTERM and wait; the exit code. */
        int stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within 30 s of SIGTERM");
            }
            return process.exitValue();
        }

        String lastOutput(int lines) {
            try {
                List<String> all = Files.readAllLines(output);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    /** Starts {@code prometheus-pushgateway} (in memory only) on a free port and waits until it is ready. */
    static Program pushgateway(Path dir) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/prometheus-pushgateway");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: install the Debian package prometheus-pushgateway");
        }
        int port = freePort();
        Path out = dir.resolve("pushgateway.out");
        Process p = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port, "--persistence.file=")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return ready(new Program("prometheus-pushgateway", p, port, out), "/-/ready");
    }

    /** {@code program} once {@code GET path} answers 200; stopped, and an exception, after 30 s or when it exits. */
    private static Program ready(Program program, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (!program.process().isAlive()) {
                throw new IllegalStateException(program.name() + " exited: " + program.lastOutput(5));
            }
            try {
                if (status(program.url() + path) == 200) {
                    return program;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                program.close();
                throw new IllegalStateException(program.name() + " not ready within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** Starts {@code victoria-metrics} (data in {@code dir/vm-data}, no latency offset) on a free port, ready. */
    static Program victoriaMetrics(Path dir) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/victoria-metrics");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: install the Debian package victoria-metrics");
        }
        int port = freePort();
        Path out = dir.resolve("victoria-metrics.out");
        Process p = new ProcessBuilder(binary.toString(), "-storageDataPath=" + dir.resolve("vm-data"),
                "-httpListenAddr=127.0.0.1:" + port, "-retentionPeriod=100y", "-search.latencyOffset=0s",
                "-search.disableCache", "-loggerLevel=WARN")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return ready(new Program("victoria-metrics", p, port, out), "/health");
    }

    /**
     * The JVM options of the {@code logtally tail} process: system property {@code logtally.jvm} (options
     * separated by spaces) when set, else {@code defaults}; a list the caller may add to.
     */
    static List<String> jvmOptions(String defaults) {
        return new ArrayList<>(List.of(System.getProperty("logtally.jvm", defaults).split(" ")));
    }

    /**
     * Starts {@code java JVM_OPTIONS -jar JAR tail ARGS}, its output to {@code dir/logtally.out}; the jar is
     * system property {@code logtally.jar}, else {@code logtally-daemon/target/logtally.jar}.
     */
    static Program logtally(Path dir, List<String> jvmOptions, List<String> args) throws IOException {
        Path jar = Path.of(System.getProperty("logtally.jar", "logtally-daemon/target/logtally.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -o -q -B package -DskipTests");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add("tail");
        cmd.addAll(args);
        Path out = dir.resolve("logtally.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new Program("logtally tail", p, -1, out);
    }

    /** The body of a GET (10 s timeout); throws on a non-200 answer. */
    static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + ": " + r.statusCode());
        }
        return r.body();
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The value of the first sample of {@code metric} in Prometheus text (any labels), or NaN when there is
     * none. Go writes large counters as {@code 1.234567e+06}; {@link Double#parseDouble} reads that exactly.
     */
    static double value(String text, String metric) {
        int at = 0;
        while ((at = text.indexOf(metric, at)) >= 0) {
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            int after = at + metric.length();
            if (lineStart && after < text.length() && (text.charAt(after) == '{' || text.charAt(after) == ' ')) {
                int eol = text.indexOf('\n', after);
                String line = text.substring(at, eol < 0 ? text.length() : eol);
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            at = after;
        }
        return Double.NaN;
    }

    /** A free TCP port on 127.0.0.1 at the time of the call. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A field of {@code /proc/PID/status} in kB ({@code VmRSS}, {@code VmHWM}), or -1 when the process is gone. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time (user + system) the process has used so far, in ms; -1 when unknown. */
    static long cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toMillis).orElse(-1L);
    }

    /** The machine, as docs/BENCHMARKS.md reports it: cores, CPU model, load averages. */
    static String machine() {
        String model = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            model = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
        } catch (IOException ignored) {
            // leave "?"
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + model + ", loadavg " + loadavg();
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
