package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.base.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<byte[]> send(MetricsServer server, String method, String path, String acceptEncoding)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static MetricsServer local(java.util.function.Supplier<MetricSnapshot> s) {
        return MetricsServer.start(MetricsServer.address("127.0.0.1:0"), s);
    }

    @Test
    void servesTheSnapshotAsText004() throws Exception {
        try (MetricsServer server = local(Fixtures::snapshot)) {
            assertTrue(server.port() > 0);
            HttpResponse<byte[]> r = send(server, "GET", "/metrics", null);
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(Fixtures.resource("text-format.prom"), text(r));
        }
    }

    @Test
    void eachScrapeTakesTheLatestSnapshot() throws Exception {
        AtomicReference<MetricSnapshot> latest = new AtomicReference<>(Fixtures.counter("x_total", 1));
        try (MetricsServer server = local(latest::get)) {
            assertEquals("# HELP x_total A counter.\n# TYPE x_total counter\nx_total 1\n", text(send(server, "GET", "/metrics", null)));
            latest.set(Fixtures.counter("x_total", 2));
            assertEquals("# HELP x_total A counter.\n# TYPE x_total counter\nx_total 2\n", text(send(server, "GET", "/metrics", null)));
        }
    }

    @Test
    void gzipWhenAsked() throws Exception {
        try (MetricsServer server = local(Fixtures::snapshot)) {
            HttpResponse<byte[]> r = send(server, "GET", "/metrics", "gzip");
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                assertEquals(Fixtures.resource("text-format.prom"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theBareAddressLeadsToTheFirstPageWhenThereArePages() throws Exception {
        com.sun.net.httpserver.HttpHandler page = exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
        try (MetricsServer server = MetricsServer.start(MetricsServer.address("127.0.0.1:0"), Fixtures::snapshot,
                () -> null, new java.util.LinkedHashMap<>(java.util.Map.of("/issues", page)))) {
            HttpResponse<byte[]> root = send(server, "GET", "/", null);
            assertEquals(302, root.statusCode());
            assertEquals("/issues", root.headers().firstValue("Location").orElseThrow());
            assertEquals(204, send(server, "GET", "/issues", null).statusCode());
            assertEquals(404, send(server, "GET", "/other", null).statusCode());
        }
    }

    @Test
    void healthNotFoundMethodNotAllowedAndHead() throws Exception {
        try (MetricsServer server = local(Fixtures::snapshot)) {
            HttpResponse<byte[]> healthy = send(server, "GET", "/-/healthy", null);
            assertEquals(200, healthy.statusCode());
            assertEquals("OK\n", text(healthy));
            assertEquals(404, send(server, "GET", "/", null).statusCode());
            assertEquals(404, send(server, "GET", "/metrics/extra", null).statusCode());
            HttpResponse<byte[]> post = send(server, "POST", "/metrics", null);
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
            HttpResponse<byte[]> head = send(server, "HEAD", "/metrics", null);
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
        }
    }

    @Test
    void aFailingSupplierIsA500WithOneLine() throws Exception {
        try (MetricsServer server = local(() -> {
            throw new IllegalStateException("no snapshot yet");
        })) {
            HttpResponse<byte[]> r = send(server, "GET", "/metrics", null);
            assertEquals(500, r.statusCode());
            assertEquals("cannot render metrics: java.lang.IllegalStateException: no snapshot yet\n", text(r));
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        MetricsServer server = local(Fixtures::snapshot);
        int port = server.port();
        server.close();
        assertThrows(ConnectException.class, () -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    void aTakenPortIsAOneLineConfigError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConfigException e = assertThrows(ConfigException.class, () -> MetricsServer.start(
                    MetricsServer.address("127.0.0.1:" + taken.getLocalPort()), Fixtures::snapshot));
            assertEquals("listen: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use",
                    e.getMessage());
        }
    }

    @Test
    void listenAddresses() {
        assertEquals(new InetSocketAddress("127.0.0.1", 9464), MetricsServer.address("127.0.0.1:9464"));
        assertEquals(new InetSocketAddress("::1", 9464), MetricsServer.address("[::1]:9464"));
        assertEquals(new InetSocketAddress(9464), MetricsServer.address(":9464"));
        assertEquals("listen: '9464' is not HOST:PORT",
                assertThrows(ConfigException.class, () -> MetricsServer.address("9464")).getMessage());
        assertEquals("listen: port 99999 is outside 0..65535",
                assertThrows(ConfigException.class, () -> MetricsServer.address("h:99999")).getMessage());
        assertEquals("listen: 'h:x' has no valid port",
                assertThrows(ConfigException.class, () -> MetricsServer.address("h:x")).getMessage());
    }

    @Test
    void healthyAnswers503WithTheReasonWhileTheDaemonIsUnhealthy() throws Exception {
        AtomicReference<String> unhealthy = new AtomicReference<>();
        try (MetricsServer server = MetricsServer.start(MetricsServer.address("127.0.0.1:0"), Fixtures::snapshot,
                unhealthy::get)) {
            assertEquals(200, send(server, "GET", "/-/healthy", null).statusCode());
            unhealthy.set("checkpoints have failed for 31s");
            HttpResponse<byte[]> r = send(server, "GET", "/-/healthy", null);
            assertEquals(503, r.statusCode());
            assertEquals("unhealthy: checkpoints have failed for 31s\n", text(r));
            assertEquals(200, send(server, "GET", "/metrics", null).statusCode(), "metrics are still served");
        }
    }
}
