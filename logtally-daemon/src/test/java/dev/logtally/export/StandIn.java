package dev.logtally.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A stand-in HTTP server for answers the real Pushgateway cannot be made to give (401 from a proxy, 500):
 * answers each request with the next scripted reply (the last one repeats) and records what it got.
 */
final class StandIn implements AutoCloseable {
    /** One request as received. */
    record Request(String method, String path, String authorization, String contentType, String body) {
    }

    /** One scripted reply; {@code body} may use what was received (to play a server that echoes headers). */
    record Reply(int status, Function<Request, String> body) {
        static Reply of(int status, String body) {
            return new Reply(status, r -> body);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script;
    private volatile Reply last;
    private final List<Request> requests = new ArrayList<>();

    StandIn(Reply... replies) throws IOException {
        this.script = new ConcurrentLinkedQueue<>(List.of(replies));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (requests) {
                requests.add(request);
            }
            Reply next = script.poll();
            Reply reply = next != null ? (last = next) : last;
            byte[] body = reply.body().apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
