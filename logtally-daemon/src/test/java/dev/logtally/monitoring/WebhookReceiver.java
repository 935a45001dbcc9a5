package dev.logtally.monitoring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving end of Alertmanager's webhook, inside the test: a JDK {@code HttpServer} on a free
 * loopback port that keeps every notification (Alertmanager's JSON, version 4) it is POSTed.
 *
 * <pre>{@code
 * try (WebhookReceiver hook = WebhookReceiver.start()) {
 *     // point the webhook receiver's url at hook.url()
 *     JsonNode n = Poll.forValue(Duration.ofSeconds(60), "notification", () -> hook.firing("HighErrorRate", "loka-stratum"));
 * }
 * }</pre>
 */
final class WebhookReceiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver r = new WebhookReceiver(s);
            s.createContext("/alerts", r::handle);
            s.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Alertmanager should POST. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** When each notification arrived (epoch ms, the order of {@link #notifications()}); a few may lag it by one. */
    List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Every notification so far, in arrival order. */
    List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /** The first firing notification of the group {@code alertname} of job {@code job}, or null. */
    JsonNode firing(String alertname, String job) {
        for (JsonNode n : notifications) {
            if (n.path("status").asString().equals("firing")
                    && n.path("groupLabels").path("alertname").asString().equals(alertname)
                    && n.path("commonLabels").path("job").asString().equals(job)) {
                return n;
            }
        }
        return null;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!ex.getRequestMethod().equals("POST")) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            arrivals.add(System.currentTimeMillis());
            notifications.add(JSON.readTree(body));
            ex.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
