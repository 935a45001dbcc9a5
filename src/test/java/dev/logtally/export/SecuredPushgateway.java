package dev.logtally.export;

import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The real {@code prometheus-pushgateway} with a {@code --web.config.file} (basic auth, TLS). Not
 * {@link RealProgram#pushgateway}: its readiness probe is plain unauthenticated HTTP, which a secured
 * Pushgateway refuses, so this one waits for the port to accept connections instead.
 */
final class SecuredPushgateway implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;
    private final String scheme;

    private SecuredPushgateway(Process process, int port, Path log, String scheme) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.scheme = scheme;
    }

    static SecuredPushgateway start(Path tmp, Path webConfig, boolean tls) {
        Path binary = RealProgram.requireProgram("prometheus-pushgateway", "prometheus-pushgateway");
        int port = RealProgram.freePort();
        try {
            Path dir = Files.createDirectories(tmp.resolve("secured-pushgateway-" + port));
            Path log = dir.resolve("output.log");
            Process p = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
                    "--web.config.file=" + webConfig, "--persistence.file=")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SecuredPushgateway pg = new SecuredPushgateway(p, port, log, tls ? "https" : "http");
            try {
                Poll.until(Duration.ofSeconds(30), "the secured Pushgateway to listen on " + port, () -> {
                    if (!p.isAlive()) {
                        throw new AssertionError("prometheus-pushgateway exited: " + pg.output());
                    }
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
            } catch (AssertionError e) {
                pg.close();
                throw e;
            }
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** GET {@code path} with basic auth, over TLS with {@code ssl} when not null; the body of a 200. */
    String get(String path, String user, String password, SSLContext ssl) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = builder.build().send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

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
