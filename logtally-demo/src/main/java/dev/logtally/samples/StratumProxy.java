package dev.logtally.samples;

import dev.logtally.logback.Correlated;
import dev.logtally.logback.Correlation;
import dev.logtally.logback.ErrorType;
import dev.logtally.logback.Gauge;
import dev.logtally.logback.Timer;
import dev.logtally.logback.Timing;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample service: the request handling of a Stratum mining proxy, logging everything logtally
 * turns into metrics through {@code dev.logtally.logback} and plain SLF4J. Miners connect, subscribe,
 * authorize and submit shares; the proxy forwards shares to an upstream pool, stores them in a database
 * on another thread, and relays the pool's new jobs ({@code mining.notify}) to every miner.
 *
 * <p>Everything done for one miner connection carries the connection's correlation ID, on the
 * database thread too; a job relayed from the pool carries the pool's job ID. Only the network, the pool
 * and the database are simulated ({@link MinerFleet}, {@link SimulatedPool}, {@link SimulatedShareDb});
 * all calls come from one I/O thread, as in an event-loop server.
 *
 * <pre>{@code
 * StratumProxy proxy = new StratumProxy(pool, db, dbThread, clock, CorrelationId::generate);
 * StratumProxy.Session s = proxy.connect("10.0.3.7:50412");
 * proxy.receive(s, "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"cgminer/4.12.1\"]}");
 * }</pre>
 */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
final class StratumProxy {
    private static final Logger log = LoggerFactory.getLogger(StratumProxy.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final ErrorType CONNECTION_TIMEOUT = ErrorType.of("connection_timeout");
    static final ErrorType PROTOCOL_VIOLATION = ErrorType.of("protocol_violation");
    static final ErrorType INVALID_SHARE = ErrorType.of("invalid_share");
    static final ErrorType DB_WRITE_FAILED = ErrorType.of("db_write_failed");
    static final ErrorType POOL_DISCONNECTED = ErrorType.of("pool_disconnected");

    static final Gauge ACTIVE_CONNECTIONS = Gauge.of("active_connections");
    static final Gauge MESSAGE_QUEUE_SIZE = Gauge.of("message_queue_size");
    static final Gauge POOL_CONNECTED = Gauge.of("pool_connected");
    static final Gauge MEMORY_USED_BYTES = Gauge.of("memory_used_bytes");

    private final SimulatedPool pool;
    private final SimulatedShareDb db;
    private final Executor dbThread;
    private final SimClock clock;
    private final Supplier<String> connectionIds;
    private final Deque<QueuedShare> waitingForPool = new ArrayDeque<>();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private int connections;
    private boolean poolUp = true;

    /** One miner connection; {@code id} is the correlation ID of everything done for it. */
    static final class Session {
        final String remote;
        final String id;
        String worker = "?";
        boolean open = true;

        Session(String remote, String id) {
            this.remote = remote;
            this.id = id;
        }
    }

    private record QueuedShare(String sessionId, String worker, String jobId) {
    }

    /**
     * @param dbThread      where shares are stored; wrapped here so that each write carries its session's ID
     * @param connectionIds makes the ID of a new connection ({@code CorrelationId::generate} in a real
     *                      service; the demo draws them from {@code --seed})
     */
    StratumProxy(SimulatedPool pool, SimulatedShareDb db, Executor dbThread, SimClock clock, Supplier<String> connectionIds) {
        this.pool = pool;
        this.db = db;
        this.dbThread = Correlated.wrap(dbThread);
        this.clock = clock;
        this.connectionIds = connectionIds;
    }

    /** A miner connected. */
    Session connect(String remote) {
        try (Correlation.Scope scope = Correlation.open(connectionIds.get())) {
            connections++;
            log.info("miner connected from {}", remote);
            return new Session(remote, scope.id());
        }
    }

    /** A line from a connected miner: one JSON-RPC request. */
    void receive(Session s, String line) {
        try (Correlation.Scope scope = Correlation.open(s.id)) {
            JsonNode request;
            try {
                request = JSON.readTree(line);
            } catch (JacksonException e) {
                PROTOCOL_VIOLATION.log(log, e, "unparseable message from {}, closing", s.remote);
                close(s);
                return;
            }
            String method = request.path("method").asString("");
            JsonNode params = request.path("params");
            switch (method) {
                case "mining.subscribe" -> subscribe(params.path(0).asString("?"));
                case "mining.authorize" -> authorize(s, params.path(0).asString("?"));
                case "mining.submit" -> submit(s, params.path(1).asString("?"));
                case "mining.suggest_difficulty" -> log.debug("{} suggests difficulty {}", s.worker, params.path(0).asInt());
                default -> {
                    PROTOCOL_VIOLATION.log(log, new StratumProtocolException("unknown method \"" + method + "\""),
                            "closing connection of {}", s.worker);
                    close(s);
                }
            }
        }
    }

    private void subscribe(String userAgent) {
        try (Timer t = Timing.start(log, "mining.subscribe", clock)) {
            String extranonce1 = pool.subscribe();
            log.debug("{} subscribed, extranonce1 {}", userAgent, extranonce1);
        }
    }

    private void authorize(Session s, String worker) {
        try (Timer t = Timing.start(log, "mining.authorize", clock)) {
            int difficulty = pool.authorize(worker);
            s.worker = worker;
            log.debug("{} authorized, difficulty {}", worker, difficulty);
        }
    }

    private void submit(Session s, String jobId) {
        if (poolUp) {
            forward(s.worker, jobId);
        } else {
            waitingForPool.add(new QueuedShare(s.id, s.worker, jobId));
            log.debug("pool down, share from {} queued", s.worker);
        }
    }

    /** Forwards a share to the pool and, when accepted, stores it. */
    private void forward(String worker, String jobId) {
        try (Timer t = Timing.start(log, "mining.submit", clock)) {
            pool.submit(worker, jobId);
        } catch (InvalidShareException e) {
            INVALID_SHARE.log(log, e, "share from {} rejected", worker);
            return;
        }
        pendingWrites.incrementAndGet();
        CompletableFuture
                .runAsync(() -> store(worker, jobId), dbThread)     // the wrapped executor carries the ID
                .exceptionally(Correlated.function(e -> {           // and so does this stage, wherever it runs
                    DB_WRITE_FAILED.log(log, e.getCause(), "share from {} for job {} not stored", worker, jobId);
                    return null;
                }));
    }

    /** On the database thread. */
    private void store(String worker, String jobId) {
        try (Timer t = Timing.start(log, "db.insert_share", clock)) {
            db.insert(worker, jobId);
        } catch (SQLException e) {
            throw new CompletionException(e);
        } finally {
            pendingWrites.decrementAndGet();
        }
    }

    /** The miner said nothing for too long. */
    void timedOut(Session s, SocketTimeoutException e) {
        try (Correlation.Scope scope = Correlation.open(s.id)) {
            CONNECTION_TIMEOUT.log(log, e, "{} silent for 300 s, closing", s.worker);
            close(s);
        }
    }

    /** The miner closed its connection. */
    void disconnected(Session s) {
        try (Correlation.Scope scope = Correlation.open(s.id)) {
            log.info("{} disconnected", s.worker);
            close(s);
        }
    }

    /**
     * The pool sent a new job: relay it to every miner. The pool's job ID is inbound text, so it becomes
     * the correlation ID only if it is safe.
     */
    void newJob(String jobId, boolean cleanJobs) {
        try (Correlation.Scope scope = Correlation.resume(jobId);
             Timer t = Timing.start(log, "mining.notify", clock)) {
            pool.fanOut(connections);
            log.debug("job {} sent to {} miners, clean_jobs={}", jobId, connections, cleanJobs);
        }
    }

    /** The connection to the pool broke; shares wait until it is back. */
    void poolLost(IOException e) {
        poolUp = false;
        POOL_DISCONNECTED.log(log, e, "lost the upstream pool, queueing shares");
    }

    /** The pool is back: forward what waited, each share under its own session's ID. */
    void poolBack() {
        poolUp = true;
        log.info("reconnected to the upstream pool, forwarding {} queued shares", waitingForPool.size());
        for (QueuedShare q; (q = waitingForPool.poll()) != null; ) {
            try (Correlation.Scope scope = Correlation.open(q.sessionId())) {
                forward(q.worker(), q.jobId());
            }
        }
    }

    /** Reports the gauges (the demo does it once a second). */
    void reportGauges() {
        Runtime rt = Runtime.getRuntime();
        ACTIVE_CONNECTIONS.report(log, connections);
        MESSAGE_QUEUE_SIZE.report(log, waitingForPool.size() + pendingWrites.get());
        POOL_CONNECTED.report(log, poolUp ? 1 : 0);
        MEMORY_USED_BYTES.report(log, rt.totalMemory() - rt.freeMemory());
    }

    private void close(Session s) {
        if (s.open) {
            s.open = false;
            connections--;
        }
    }
}
