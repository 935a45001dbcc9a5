package dev.logtally.issues;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.logtally.aggregate.ErrorGroupControl;
import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import dev.logtally.base.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issues page's HTTP side, mounted on the JDK's HTTP server next to {@code /metrics}
 * ({@link #CONTEXTS}): {@code GET /issues}, {@code /issues/<fingerprint>}, {@code /api/issues},
 * {@code /api/issues/<fingerprint>}, {@code /api/trace/<correlation_id>}, {@code /assets/*}, and
 * {@code POST /api/issues/<fingerprint>/status}.
 *
 * <p>Safe by default: only loopback clients, and only with a loopback {@code Host} header (against DNS
 * rebinding), unless {@code remote} is allowed; a status change needs {@code Authorization: Bearer <token>}
 * (a header a cross-site form cannot send, so it is CSRF-safe) compared in constant time, else 403 and
 * nothing changes; without a token configured everything is read-only. Values from the request are only
 * ever map keys, a byte needle or filter values: no path or file name from a request reaches the file
 * system (assets are a fixed set of class-path resources). Every answer carries a Content-Security-Policy
 * that allows only this server's own script and stylesheet.
 *
 * <pre>{@code
 * IssuesHttp http = new IssuesHttp(daemon::errorGroups, daemon.errorControl(), breadcrumbs, Optional.of(token), false,
 *         Set.of("ERROR"), null);
 * for (String context : IssuesHttp.CONTEXTS) server.createContext(context, http);
 * }</pre>
 */
public final class IssuesHttp implements HttpHandler {
    /** The paths this handler is mounted at. */
    public static final List<String> CONTEXTS = List.of("/issues", "/api/", "/assets/");
    /** Threads that answer requests. */
    static final int PAGE_THREADS = 4;
    /** Requests that may wait for one of them. */
    static final int PAGE_QUEUE = 64;
    /** Largest status-change body read. */
    static final int MAX_BODY = 4096;
    /** Longest correlation ID or fingerprint accepted in a URL. */
    static final int MAX_KEY = 256;
    /** Longest a status change waits for the checkpoint that holds it. */
    static final long CHANGE_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(IssuesHttp.class);
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "/assets/issues.css", "text/css; charset=utf-8",
            "/assets/issues.js", "text/javascript; charset=utf-8");

    private final Supplier<ErrorGroupsView> groups;
    private final ErrorGroupControl control;
    private final Breadcrumbs breadcrumbs;
    private final Optional<Secret> token;
    private final boolean remote;
    private final Set<String> errorLevels;
    private final String readOnlyWhy;
    private final IssueLists lists = new IssueLists();
    private final ThreadPoolExecutor pages = pageThreads();

    /**
     * @param groups      the error groups as they are now (asked for every request)
     * @param control     where status changes go, or null: read-only
     * @param breadcrumbs the traces of samples
     * @param token       the token status changes need ({@code issues.token.file}); empty: read-only
     * @param remote      answer clients that are not on the loopback interface ({@code issues.remote})
     * @param errorLevels levels counted as errors
     * @param readOnlyWhy what the page says when no status can be changed, or null for the default
     */
    public IssuesHttp(Supplier<ErrorGroupsView> groups, ErrorGroupControl control, Breadcrumbs breadcrumbs,
                      Optional<Secret> token, boolean remote, Set<String> errorLevels, String readOnlyWhy) {
        this.groups = groups;
        this.control = control;
        this.breadcrumbs = breadcrumbs;
        this.token = token;
        this.remote = remote;
        this.errorLevels = Set.copyOf(errorLevels);
        this.readOnlyWhy = readOnlyWhy != null ? readOnlyWhy
                : control == null ? "Read-only: these issues have no status to change."
                : "Read-only: start the tailer with issues.token.file to resolve, ignore or reopen issues here.";
    }

    /**
     * Answers on one of the page's own threads ({@value #PAGE_THREADS}, lowest CPU priority: {@link LowPriority}),
     * the server's thread only waiting, so that rendering and filtering never take CPU from the tailer's
     * reader; with {@value #PAGE_QUEUE} requests already waiting the answer is 503 at once.
     */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Future<?> answered;
        try {
            answered = pages.submit(() -> {
                try {
                    respond(exchange);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RejectedExecutionException e) {
            try (exchange) {
                answer(exchange, 503, "busy; try again in a moment");
            }
            return;
        }
        try {
            answered.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answered.cancel(true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (BadRequest e) {
                answer(exchange, e.status, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("issues page: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
                answer(exchange, 500, "internal error: " + e.getClass().getSimpleName());
            }
        }
    }

    private void route(HttpExchange x) throws IOException {
        if (!allowedClient(x)) {
            throw new BadRequest(403, "the issues page answers only loopback clients (set issues.remote = true to allow others)");
        }
        String path = x.getRequestURI().getRawPath();
        String method = x.getRequestMethod();
        if (path.startsWith("/api/issues/") && path.endsWith("/status") && path.length() > "/api/issues//status".length()) {
            if (!method.equals("POST")) {
                throw notAllowed(x, "POST");
            }
            changeStatus(x, key(path.substring("/api/issues/".length(), path.length() - "/status".length())));
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw notAllowed(x, "GET, HEAD");
        }
        String query = x.getRequestURI().getRawQuery();
        if (path.equals("/issues") || path.equals("/issues/")) {
            IssueQuery q = query(query);
            IssueLists.Version v = lists.of(groups.get());
            send(x, 200, HTML, v.body("html", q, k -> IssuesPages.list(k, v.page(k), v.services(), v.releases())));
        } else if (path.startsWith("/issues/")) {
            ErrorGroupView i = find(key(path.substring("/issues/".length())));
            String sample = IssueQuery.params(query).getOrDefault("sample", i.sampleCorrelationId());
            Breadcrumbs.Crumbs crumbs = sample == null ? null : breadcrumbs.trace(checkedKey(sample));
            send(x, 200, HTML, IssuesPages.issue(i, crumbs, control != null && token.isPresent(), readOnlyWhy,
                    errorLevels));
        } else if (path.equals("/api/issues")) {
            IssueLists.Version v = lists.of(groups.get());
            send(x, 200, JSON, v.body("json", query(query), k -> IssuesJson.page(v.page(k))));
        } else if (path.startsWith("/api/issues/")) {
            send(x, 200, JSON, IssuesJson.issue(find(key(path.substring("/api/issues/".length())))));
        } else if (path.startsWith("/api/trace/")) {
            Breadcrumbs.Crumbs c = breadcrumbs.trace(key(path.substring("/api/trace/".length())));
            if (c.busy()) {
                throw new BadRequest(503, "busy with other traces; try again in a moment");
            }
            send(x, c.timedOut() ? 504 : 200, JSON, IssuesJson.trace(c));
        } else if (ASSETS.containsKey(path)) {
            send(x, 200, ASSETS.get(path), asset(path));
        } else {
            throw new BadRequest(404, "not found; try /issues or /api/issues");
        }
    }

    private void changeStatus(HttpExchange x, String fingerprint) throws IOException {
        if (control == null) {
            throw new BadRequest(403, "read-only: these issues have no status to change");
        }
        if (token.isEmpty()) {
            throw new BadRequest(403, "read-only: no issues.token.file is configured");
        }
        if (!authorized(x.getRequestHeaders().getFirst("Authorization"))) {
            throw new BadRequest(403, "a valid 'Authorization: Bearer <token>' header is required");
        }
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, "the body must be application/json");
        }
        find(fingerprint);
        StatusChange change;
        try {
            change = StatusBody.parse(fingerprint, body(x));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        StatusOutcome outcome;
        try {
            outcome = control.change(change).get(CHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new BadRequest(503, "the change was not written within " + CHANGE_TIMEOUT_SECONDS + " s; it may still be applied");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadRequest(503, "interrupted while waiting for the change to be written");
        } catch (ExecutionException e) {
            throw new IllegalStateException("status change failed: " + e.getCause(), e.getCause());
        }
        if (!outcome.applied()) {
            throw new BadRequest(404, outcome.message());
        }
        LOG.info("issues page: {} from {}", outcome.message(), x.getRemoteAddress().getAddress().getHostAddress());
        send(x, 200, JSON, IssuesJson.issue(find(fingerprint)));
    }

    private static ThreadPoolExecutor pageThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(PAGE_THREADS, PAGE_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PAGE_QUEUE), LowPriority.threads("logtally-page"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = token.orElseThrow().reveal().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private boolean allowedClient(HttpExchange x) {
        if (remote) {
            return true;
        }
        if (!x.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return false;
        }
        String host = x.getRequestHeaders().getFirst("Host");
        return host == null || loopbackHost(host);
    }

    /** A Host header naming this machine's loopback interface ({@code localhost}, {@code 127.x}, {@code [::1]}), any port. */
    static boolean loopbackHost(String host) {
        String h = host.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(1, end);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.lastIndexOf(':'));
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private ErrorGroupView find(String fingerprint) {
        return groups.get().group(fingerprint).orElseThrow(() -> new BadRequest(404, "no issue with fingerprint '" + fingerprint + "'"));
    }

    private static IssueQuery query(String raw) {
        try {
            return IssueQuery.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
    }

    /** One decoded path segment: a fingerprint or a correlation ID, as a lookup key only. */
    private static String key(String raw) {
        if (raw.isEmpty() || raw.indexOf('/') >= 0) {
            throw new BadRequest(404, "not found");
        }
        String s;
        try {
            s = Urls.segment(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "the path is not properly percent-encoded");
        }
        return checkedKey(s);
    }

    private static String checkedKey(String s) {
        if (s.isEmpty() || s.length() > MAX_KEY) {
            throw new BadRequest(400, "an ID must be 1.." + MAX_KEY + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new BadRequest(400, "an ID must not hold control characters");
            }
        }
        return s;
    }

    private static String body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new BadRequest(413, "the body is larger than " + MAX_BODY + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static String asset(String path) throws IOException {
        String name = path.substring("/assets/".length());
        try (InputStream in = IssuesHttp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("asset " + name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static BadRequest notAllowed(HttpExchange x, String allow) {
        x.getResponseHeaders().set("Allow", allow);
        return new BadRequest(405, "method not allowed");
    }

    private static void answer(HttpExchange x, int status, String message) throws IOException {
        boolean api = x.getRequestURI().getRawPath().startsWith("/api/");
        send(x, status, api ? JSON : "text/plain; charset=utf-8", api ? IssuesJson.error(message) : message + "\n");
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = x.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cache-Control", type.startsWith("text/css") || type.startsWith("text/javascript") ? "max-age=300" : "no-store");
        if (x.getRequestMethod().equals("HEAD")) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An answer other than 200, with its message. */
    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
