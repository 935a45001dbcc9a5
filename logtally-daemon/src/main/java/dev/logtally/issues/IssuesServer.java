package dev.logtally.issues;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.logtally.base.ConfigException;
import dev.logtally.base.HostPort;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The issues page on a server of its own, for {@code logtally errors PATH... --serve HOST:PORT} (the tailer
 * mounts {@link IssuesHttp} on its {@code /metrics} server instead): the JDK's HTTP server on a few
 * threads; {@code /} redirects to {@code /issues}.
 *
 * <pre>{@code
 * try (IssuesServer s = IssuesServer.start(HostPort.parse("--serve", "127.0.0.1:0"), http)) {
 *     System.out.println("http://127.0.0.1:" + s.port() + "/issues");
 * }
 * }</pre>
 */
public final class IssuesServer implements AutoCloseable {
    private static final int THREADS = 3;

    private final HttpServer server;
    private final ExecutorService executor;

    private IssuesServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code at} and serves; a {@link ConfigException} (key {@code --serve}) when it cannot be bound. */
    public static IssuesServer start(HostPort at, IssuesHttp http) {
        HttpServer server;
        try {
            server = HttpServer.create(at.socketAddress(), 16);
        } catch (IOException e) {
            throw new ConfigException("--serve", "cannot listen on " + at + ": " + ConfigException.reason(e));
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "logtally-issues");
            t.setDaemon(true);
            return t;
        });
        for (String context : IssuesHttp.CONTEXTS) {
            server.createContext(context, http);
        }
        server.createContext("/", IssuesServer::root);
        server.setExecutor(executor);
        server.start();
        return new IssuesServer(server, executor);
    }

    private static void root(HttpExchange x) throws IOException {
        try (x) {
            boolean root = x.getRequestURI().getRawPath().equals("/");
            if (root) {
                x.getResponseHeaders().set("Location", "/issues");
            }
            x.sendResponseHeaders(root ? 302 : 404, -1);
        }
    }

    /** The bound port (the real one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
