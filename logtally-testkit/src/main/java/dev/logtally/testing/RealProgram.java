package dev.logtally.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real program from a Debian package (Pushgateway, Prometheus, Alertmanager), started by a test on a
 * free loopback port with its own temporary directory, and stopped by {@link #close()}.
 *
 * <p>A missing program fails the test with a message naming the package to install: never a silent skip.
 *
 * <pre>{@code
 * try (RealProgram pg = RealProgram.pushgateway(tmp)) {
 *     String body = pg.get("/metrics");
 * }
 * }</pre>
 */
public final class RealProgram implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path dir;
    private final Path logFile;

    private RealProgram(String name, Process process, int port, Path dir, Path logFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.logFile = logFile;
    }

    /** Starts {@code prometheus-pushgateway} (Debian package of that name) on a free port. */
    public static RealProgram pushgateway(Path tmp) {
        return pushgateway(tmp, freePort());
    }

    /** Starts {@code prometheus-pushgateway} on {@code port} (to restart one on the same address). */
    public static RealProgram pushgateway(Path tmp, int port) {
        return start("prometheus-pushgateway", "prometheus-pushgateway", tmp, port, answers("/-/ready"),
                // Debian's default --persistence.file is /var/lib/prometheus/pushgateway.data, shared by every
                // instance on the machine: an empty value keeps each test's Pushgateway in memory only.
                List.of("--web.listen-address=127.0.0.1:" + port, "--persistence.file="));
    }

    /**
     * Starts {@code prometheus-pushgateway} with {@code --web.config.file} (basic auth, TLS) on a free port.
     * It is ready when its port accepts connections: its readiness endpoint wants the credentials or TLS
     * that {@link #get} does not speak, so use the program's own client for requests.
     */
    public static RealProgram securedPushgateway(Path tmp, Path webConfig) {
        int port = freePort();
        return start("prometheus-pushgateway", "prometheus-pushgateway", tmp, port, LISTENS, List.of(
                "--web.listen-address=127.0.0.1:" + port, "--web.config.file=" + webConfig, "--persistence.file="));
    }

    /** Starts {@code prometheus} with {@code configFile}, its TSDB in {@code tmp}. Extra flags may follow. */
    public static RealProgram prometheus(Path tmp, Path configFile, String... extraArgs) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + tmp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"));
        args.addAll(List.of(extraArgs));
        return start("prometheus", "prometheus", tmp, port, answers("/-/ready"), args);
    }

    /** Starts {@code prometheus-alertmanager} with {@code configFile}, alone (no cluster). */
    public static RealProgram alertmanager(Path tmp, Path configFile) {
        return alertmanager(tmp, configFile, freePort());
    }

    /** As {@link #alertmanager(Path, Path)}, on {@code port}: to bring a stopped one back where its clients send. */
    public static RealProgram alertmanager(Path tmp, Path configFile, int port) {
        return start("prometheus-alertmanager", "prometheus-alertmanager", tmp, port, answers("/-/ready"), List.of(
                "--config.file=" + configFile,
                "--storage.path=" + tmp.resolve("am-data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="));
    }

    /**
     * The path of a program from a Debian package, or an assertion failure naming the package.
     */
    public static Path requireProgram(String program, String debianPackage) {
        for (String d : List.of("/usr/bin", "/usr/local/bin", "/bin", "/usr/sbin")) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(program + " is not installed: this test needs the real program; install the Debian package '"
                + debianPackage + "' (sudo apt-get install " + debianPackage + ", or run scripts/test.sh)");
    }

    /** When a started program counts as ready, and how a timeout says what was awaited. */
    private record Readiness(String what, ReadyProbe probe) {
    }

    /** One readiness check; an {@link IOException} means "not yet". */
    private interface ReadyProbe {
        boolean ready(RealProgram p) throws IOException;
    }

    /** The program's port accepts TCP connections. */
    private static final Readiness LISTENS = new Readiness("accept connections", p -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p.port)) {
            return true;
        }
    });

    /** {@code GET path} answers 200. */
    private static Readiness answers(String path) {
        return new Readiness("answer " + path, p -> p.status(path) == 200);
    }

    private static RealProgram start(String program, String pkg, Path tmp, int port, Readiness readiness, List<String> args) {
        Path binary = requireProgram(program, pkg);
        try {
            Path dir = Files.createDirectories(tmp.resolve(program + "-" + port));
            Path log = dir.resolve("output.log");
            List<String> cmd = new ArrayList<>();
            cmd.add(binary.toString());
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RealProgram rp = new RealProgram(program, p, port, dir, log);
            rp.awaitReady(readiness, Duration.ofSeconds(30));
            return rp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + program, e);
        }
    }

    private void awaitReady(Readiness readiness, Duration timeout) {
        try {
            Poll.until(timeout, name + " to " + readiness.what() + " on port " + port, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + ": " + output());
                }
                try {
                    return readiness.probe().ready(this);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    /** A free TCP port on 127.0.0.1 at the time of the call. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the program printed so far. */
    public String output() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** GET {@code path}; the body, or an assertion failure on a non-200 answer. */
    public String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " from " + name + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** POST to {@code path} with an empty body (e.g. Prometheus's {@code /-/reload}); the status code. */
    public int post(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private int status(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Stops the program (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
