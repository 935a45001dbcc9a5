package dev.logtally.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.base.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} (Prometheus text 0.0.4, gzip when the scraper asks for it) from a snapshot
 * supplier, and {@code GET /-/healthy} (200, or 503 with the reason while the daemon says it is unhealthy), with the JDK's {@link HttpServer} on a small fixed thread pool.
 * Other paths answer 404, other methods 405. Port 0 binds an ephemeral port ({@link #port()}).
 *
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.start(MetricsServer.address("127.0.0.1:9464"), store::latest)) {
 *     // curl http://127.0.0.1:9464/metrics
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final int THREADS = 2;
    /** With more pages than {@code /metrics} (the issues page), so that slow pages never hold up a scrape. */
    private static final int THREADS_WITH_PAGES = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<MetricSnapshot> snapshots;
    private final Supplier<String> unhealthy;
    /** Where {@code GET /} sends a browser: the first page (the issues list), or null (then 404). */
    private final String home;

    private MetricsServer(HttpServer server, ExecutorService executor, Supplier<MetricSnapshot> snapshots,
                          Supplier<String> unhealthy, String home) {
        this.server = server;
        this.executor = executor;
        this.snapshots = snapshots;
        this.unhealthy = unhealthy;
        this.home = home;
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @throws ConfigException (key {@code listen}) when the address cannot be bound, e.g. the port is taken
     */
    public static MetricsServer start(InetSocketAddress address, Supplier<MetricSnapshot> snapshots) {
        return start(address, snapshots, () -> null, Map.of());
    }

    /** As {@link #start(InetSocketAddress, Supplier, Supplier, Map)} without pages. */
    public static MetricsServer start(InetSocketAddress address, Supplier<MetricSnapshot> snapshots,
                                      Supplier<String> unhealthy) {
        return start(address, snapshots, unhealthy, Map.of());
    }

    /**
     * As {@link #start(InetSocketAddress, Supplier)}, with {@code GET /-/healthy} answering 503 and the
     * reason while {@code unhealthy} gives one (null: healthy, 200), and also serving {@code pages}: handlers
     * by context path (e.g. the issues page's {@code /issues}, {@code /api/}, {@code /assets/}).
     */
    public static MetricsServer start(InetSocketAddress address, Supplier<MetricSnapshot> snapshots,
                                      Supplier<String> unhealthy, Map<String, HttpHandler> pages) {
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(unhealthy, "unhealthy");
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new ConfigException("listen", "cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage());
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(pages.isEmpty() ? THREADS : THREADS_WITH_PAGES, r -> {
            Thread t = new Thread(r, "logtally-metrics-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        String home = pages.keySet().stream().filter(c -> !c.endsWith("/")).findFirst().orElse(null);
        MetricsServer metrics = new MetricsServer(server, executor, snapshots, unhealthy, home);
        server.createContext("/", metrics::handle);
        pages.forEach(server::createContext);
        server.setExecutor(executor);
        server.start();
        return metrics;
    }

    /**
     * Parses {@code HOST:PORT} ({@code 127.0.0.1:9464}, {@code [::1]:9464}, {@code :9464} for all
     * interfaces, port 0 for an ephemeral one).
     *
     * @throws ConfigException (key {@code listen}) when it is not of that form
     */
    public static InetSocketAddress address(String hostPort) {
        return dev.logtally.base.HostPort.parse("listen", hostPort).socketAddress();
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            boolean metrics = path.equals("/metrics");
            if (home != null && path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
                exchange.getResponseHeaders().set("Location", home); // an operator opening the bare address
                send(exchange, 302, "text/plain; charset=utf-8", "see " + home + "\n", false);
                return;
            }
            if (!metrics && !path.equals("/-/healthy")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found; try /metrics\n", false);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n", false);
                return;
            }
            if (!metrics) {
                String reason = unhealthy.get();
                if (reason == null) {
                    send(exchange, 200, "text/plain; charset=utf-8", "OK\n", false);
                } else {
                    send(exchange, 503, "text/plain; charset=utf-8", "unhealthy: " + reason + "\n", false);
                }
                return;
            }
            String body;
            try {
                body = TextFormat.render(snapshots.get());
            } catch (RuntimeException e) {
                LOG.error("cannot render /metrics: {}", e.toString());
                send(exchange, 500, "text/plain; charset=utf-8", "cannot render metrics: " + e + "\n", false);
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            send(exchange, 200, TextFormat.CONTENT_TYPE, body, accept != null && accept.contains("gzip"));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, boolean gzip)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening at once and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
