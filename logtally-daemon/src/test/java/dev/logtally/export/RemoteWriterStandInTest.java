package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.logtally.base.Secret;
import dev.logtally.testing.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The remote writer against a stand-in store, for answers the real stores cannot be made to give on demand
 * (429, 500, a refusal with a multi-line body): the request's headers and bytes, which answers are retried
 * and with what waits, the one-line refusal, and that a checkpoint is written once.
 */
class RemoteWriterStandInTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();

    /** A store that answers with scripted statuses (the last repeats) and keeps every request. */
    static final class Store implements AutoCloseable {
        record Received(Map<String, String> headers, byte[] body) {
        }

        final HttpServer server;
        final ConcurrentLinkedQueue<int[]> script = new ConcurrentLinkedQueue<>();
        final List<Received> received = new ArrayList<>();
        volatile int last = 204;

        Store(int... statuses) throws IOException {
            for (int s : statuses) {
                script.add(new int[] {s});
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                try (exchange) {
                    Map<String, String> headers = new java.util.TreeMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                    headers.put(":method", exchange.getRequestMethod());
                    headers.put(":path", exchange.getRequestURI().toString());
                    synchronized (received) {
                        received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
                    }
                    int[] next = script.poll();
                    int status = next != null ? (last = next[0]) : last;
                    byte[] body = status == 204 ? new byte[0]
                            : ("refused: status " + status + "\nsecond line").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                    }
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
        }

        List<Received> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private RemoteWriter writer(RemoteWriteOptions options) {
        return new RemoteWriter(options, options.urls().get(0), options.tailLabels(), listener, clock, sleeper,
                PusherStandInTest.MAX_JITTER);
    }

    @Test
    void theRequestHasTheProtocolsHeadersTheConfiguredOnesAuthAndTheSnappyProtobufBody() throws IOException {
        try (Store store = new Store(204)) {
            RemoteWriteOptions options = RemoteWriteOptions.of(List.of(store.url().toString()), "logtally", "host-1")
                    .withHeaders(Map.of("X-Scope-OrgID", "team-a"))
                    .withAuth(new PushAuth.Basic("writer", Secret.of("pa55", "remote_write.password.env")));
            try (RemoteWriter w = writer(options)) {
                PushOutcome o = w.push(() -> new TimedSnapshot(T0, Fixtures.counter("app_errors_total", 5)), T0.plusSeconds(10));
                assertTrue(o.succeeded(), String.valueOf(o.lastFailure()));
            }
            Store.Received r = store.received().get(0);
            assertEquals("POST", r.headers().get(":method"));
            assertEquals("/api/v1/write", r.headers().get(":path"));
            assertEquals("snappy", r.headers().get("content-encoding"));
            assertEquals("application/x-protobuf", r.headers().get("content-type"));
            assertEquals("0.1.0", r.headers().get("x-prometheus-remote-write-version"));
            assertEquals("team-a", r.headers().get("x-scope-orgid"));
            assertEquals("Basic d3JpdGVyOnBhNTU=", r.headers().get("authorization"));
            assertEquals(List.of("__name__=app_errors_total,instance=host-1,job=logtally 5.0@" + T0.toEpochMilli()),
                    RemoteWriteProto.samples(r.body()));
        }
    }

    @Test
    void fiveHundredAnd429AreRetriedWithBackoffThenTheSameBodyGoesThrough() throws IOException {
        try (Store store = new Store(503, 429, 500, 204)) {
            RemoteWriteOptions options = RemoteWriteOptions.of(List.of(store.url().toString()), "logtally", "h");
            try (RemoteWriter w = writer(options)) {
                PushOutcome o = w.push(() -> new TimedSnapshot(T0, Fixtures.counter("c_total", 1)), T0.plusSeconds(60));
                assertTrue(o.succeeded());
                assertEquals(4, o.attempts());
            }
            assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), sleeper.sleeps());
            assertEquals(List.of(
                    "remote write to " + store.url() + " rejected (503): refused: status 503",
                    "remote write to " + store.url() + " rejected (429): refused: status 429",
                    "remote write to " + store.url() + " rejected (500): refused: status 500"), listener.failureMessages());
            List<Store.Received> got = store.received();
            assertEquals(4, got.size());
            for (Store.Received r : got) {
                assertEquals(RemoteWriteProto.samples(got.get(0).body()), RemoteWriteProto.samples(r.body()));
            }
        }
    }

    @Test
    void aRefusalIsNotRetriedAndIsReportedInOneLine() throws IOException {
        try (Store store = new Store(400)) {
            RemoteWriteOptions options = RemoteWriteOptions.of(List.of(store.url().toString()), "logtally", "h");
            try (RemoteWriter w = writer(options)) {
                PushOutcome o = w.push(() -> new TimedSnapshot(T0, Fixtures.counter("c_total", 1)), T0.plusSeconds(60));
                assertFalse(o.succeeded());
                assertEquals(1, o.attempts());
                assertEquals(new PushFailure(PushFailure.Kind.REJECTED, 400,
                        "remote write to " + store.url() + " rejected (400): refused: status 400"), o.lastFailure());
            }
            assertEquals(1, store.received().size());
            assertEquals(List.of(), sleeper.sleeps());
        }
    }

    @Test
    void aCheckpointIsWrittenOnceAndBigOnesInBoundedRequests() throws IOException {
        try (Store store = new Store(204)) {
            RemoteWriteOptions options = RemoteWriteOptions.of(List.of(store.url().toString()), "logtally", "h").withMaxSamples(10);
            try (RemoteWriter w = writer(options)) {
                TimedSnapshot first = new TimedSnapshot(T0, Fixtures.snapshot());
                assertTrue(w.push(() -> first, T0.plusSeconds(10)).succeeded());
                assertEquals(4, store.received().size(), "37 samples in requests of at most 10");
                assertEquals(0, w.push(() -> first, T0.plusSeconds(10)).attempts(), "the same checkpoint is not sent again");
                assertEquals(4, store.received().size());
                TimedSnapshot next = new TimedSnapshot(T0.plusSeconds(1), Fixtures.counter("c_total", 2));
                assertTrue(w.pushOnce(next).succeeded());
                assertEquals(5, store.received().size());
            }
            int samples = 0;
            for (Store.Received r : store.received()) {
                int n = RemoteWriteProto.samples(r.body()).size();
                assertTrue(n <= 10, n + " samples in one request");
                samples += n;
            }
            assertEquals(38, samples);
        }
    }
}
