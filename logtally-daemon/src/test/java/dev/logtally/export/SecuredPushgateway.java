package dev.logtally.export;

import dev.logtally.testing.RealProgram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * The real {@code prometheus-pushgateway} with a {@code --web.config.file} (basic auth, TLS), started and
 * stopped by {@link RealProgram#securedPushgateway}; this adds the scheme of its URL and requests that
 * carry credentials.
 *
 * <pre>{@code
 * try (SecuredPushgateway pg = SecuredPushgateway.start(tmp, webConfig, true)) {
 *     String metrics = pg.get("/metrics", "pusher", "s3cret", testCa.sslContext());
 * }
 * }</pre>
 */
final class SecuredPushgateway implements AutoCloseable {
    private final RealProgram program;
    private final String scheme;

    private SecuredPushgateway(RealProgram program, String scheme) {
        this.program = program;
        this.scheme = scheme;
    }

    static SecuredPushgateway start(Path tmp, Path webConfig, boolean tls) {
        return new SecuredPushgateway(RealProgram.securedPushgateway(tmp, webConfig), tls ? "https" : "http");
    }

    String url() {
        return scheme + "://127.0.0.1:" + program.port();
    }

    String output() {
        return program.output();
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
        program.close();
    }
}
