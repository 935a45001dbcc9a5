package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Correlation scopes nest and restore; IDs follow work onto executors and CompletableFuture stages. */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
class CorrelationTest {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private ExecutorService pool;
    private ExecutorService other;

    @BeforeEach
    void pools() {
        MDC.clear();
        pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "pool"));
        other = Executors.newSingleThreadExecutor(r -> new Thread(r, "other"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        other.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS) && other.awaitTermination(10, TimeUnit.SECONDS));
        MDC.clear();
    }

    @Test
    void openPutsAFreshIdAndCloseRemovesIt() {
        String id;
        try (Correlation.Scope scope = Correlation.open()) {
            id = scope.id();
            assertTrue(HEX32.matcher(id).matches(), id);
            assertEquals(id, Correlation.current());
            assertEquals(id, MDC.get("correlation_id"));
        }
        assertNull(Correlation.current());
        assertNull(MDC.getCopyOfContextMap() == null ? null : MDC.getCopyOfContextMap().get("correlation_id"));
    }

    @Test
    void scopesNestAndEachCloseRestoresTheOneBefore() {
        MDC.put("correlation_id", "set-by-someone-else");
        try (Correlation.Scope outer = Correlation.open("outer-0001")) {
            try (Correlation.Scope inner = Correlation.open()) {
                assertEquals(inner.id(), Correlation.current());
                try (Correlation.Scope innermost = Correlation.resume("inbound-0003")) {
                    assertEquals("inbound-0003", Correlation.current());
                }
                assertEquals(inner.id(), Correlation.current());
            }
            assertEquals("outer-0001", Correlation.current());
        }
        assertEquals("set-by-someone-else", Correlation.current());
    }

    @Test
    void closingTwiceRestoresOnce() {
        try (Correlation.Scope outer = Correlation.open("outer-0001")) {
            Correlation.Scope inner = Correlation.open("inner-0002");
            inner.close();
            try (Correlation.Scope again = Correlation.open("again-0003")) {
                inner.close(); // a second close must not put "outer-0001" back over "again-0003"
                assertEquals("again-0003", Correlation.current());
            }
            assertEquals("outer-0001", Correlation.current());
        }
    }

    @Test
    void closingOnAnotherThreadIsRefused() throws Exception {
        Correlation.Scope scope = Correlation.open("mine-0001");
        Future<Throwable> attempt = pool.submit(() -> {
            try {
                scope.close();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        Throwable refused = attempt.get(10, TimeUnit.SECONDS);
        assertEquals("a correlation scope must be closed on the thread that opened it (main), not on pool",
                refused == null ? null : refused.getMessage().replace(Thread.currentThread().getName(), "main"));
        assertEquals("mine-0001", Correlation.current());
        scope.close();
        assertNull(Correlation.current());
    }

    @Test
    void openRefusesAnUnsafeIdAndChangesNothing() {
        try (Correlation.Scope outer = Correlation.open("outer-0001")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Correlation.open("bad id 1234\n"));
            assertEquals("unsafe correlation ID: character U+0020 at index 3 is not a letter, digit, '-', '_', '.' or ':'", e.getMessage());
            assertEquals("outer-0001", Correlation.current());
        }
    }

    @Test
    void runnableAndCallableCarryTheIdAndLeaveThePoolThreadAsItWas() throws Exception {
        pool.submit(() -> MDC.put("correlation_id", "stale-pool-id")).get(10, TimeUnit.SECONDS);
        AtomicReference<String> seen = new AtomicReference<>();
        try (Correlation.Scope scope = Correlation.open()) {
            pool.submit(Correlated.wrap(() -> seen.set(Correlation.current()))).get(10, TimeUnit.SECONDS);
            assertEquals(scope.id(), seen.get());
            assertEquals(scope.id(), pool.submit(Correlated.wrap(() -> Correlation.current())).get(10, TimeUnit.SECONDS));
        }
        // no scope here: the wrapped task runs with no ID, not with the pool thread's stale one
        assertNull(pool.submit(Correlated.wrap(() -> Correlation.current())).get(10, TimeUnit.SECONDS));
        // and the pool thread's own value is back afterwards
        assertEquals("stale-pool-id", pool.submit(() -> Correlation.current()).get(10, TimeUnit.SECONDS));
    }

    @Test
    void wrappedExecutorTakesTheIdCurrentAtEachHandOver() throws Exception {
        var executor = Correlated.wrap(pool);
        List<String> seen = new ArrayList<>();
        for (String id : List.of("first-0001", "second-0002")) {
            try (Correlation.Scope scope = Correlation.open(id)) {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(Correlation.current()));
                seen.add(f.get(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of("first-0001", "second-0002"), seen);
    }

    @Test
    void completableFutureStagesCarryTheIdAcrossThreads() throws Exception {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> result;
        String id;
        try (Correlation.Scope scope = Correlation.open()) {
            id = scope.id();
            result = CompletableFuture
                    .supplyAsync(Correlated.supplier(() -> {
                        seen.add("supply@" + Thread.currentThread().getName() + "=" + Correlation.current());
                        return 2;
                    }), pool)
                    .thenApplyAsync(Correlated.function(n -> {
                        seen.add("apply@" + Thread.currentThread().getName() + "=" + Correlation.current());
                        return n * 21;
                    }), other)
                    .thenAcceptAsync(Correlated.consumer(n -> seen.add("accept@" + Thread.currentThread().getName() + "=" + Correlation.current())), pool)
                    .handleAsync(Correlated.biFunction((v, e) -> "handle@" + Thread.currentThread().getName() + "=" + Correlation.current()), other);
        }
        assertNull(Correlation.current());
        seen.add(result.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("supply@pool=" + id, "apply@other=" + id, "accept@pool=" + id, "handle@other=" + id), seen);
        assertNull(pool.submit(() -> Correlation.current()).get(10, TimeUnit.SECONDS), "nothing left on the pool thread");
    }

    @Test
    void generatedIdsAreUniqueAcrossThreads() throws Exception {
        int threads = 4;
        int each = 50_000;
        ExecutorService many = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(many.submit(() -> {
                    List<String> ids = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        ids.add(CorrelationId.generate());
                    }
                    return ids;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> part : parts) {
                for (String id : part.get(60, TimeUnit.SECONDS)) {
                    assertTrue(HEX32.matcher(id).matches(), id);
                    all.add(id);
                }
            }
            assertEquals(threads * each, all.size());
        } finally {
            many.shutdownNow();
        }
    }

    /** Logback's read-only copy of this thread's MDC, which it makes anew for the first event after a change. */
    private static Map<String, String> eventCopy() {
        return ((LogbackMDCAdapter) MDC.getMDCAdapter()).getPropertyMap();
    }

    @Test
    void aScopeWithTheIdAlreadyInPlaceLeavesTheMdcUntouched() {
        try (Correlation.Scope outer = Correlation.open("request-0001")) {
            Map<String, String> before = eventCopy();
            try (Correlation.Scope same = Correlation.open("request-0001")) {
                assertEquals("request-0001", Correlation.current());
                assertSame(before, eventCopy());
            }
            assertSame(before, eventCopy());
            assertEquals("request-0001", Correlation.current());
        }
        Map<String, String> none = eventCopy();
        Correlated.wrap(() -> assertSame(none, eventCopy())).run(); // carries "no ID" onto a thread that has none
        assertSame(none, eventCopy());
        assertNull(Correlation.current());
    }

    @Test
    void aScopeThatChangesTheIdMakesLogbackCopyTheMdc() {
        Map<String, String> before = eventCopy();
        try (Correlation.Scope scope = Correlation.open("request-0001")) {
            assertNotSame(before, eventCopy());
            assertEquals(Map.of("correlation_id", "request-0001"), eventCopy());
        }
        assertEquals(Map.of(), eventCopy());
    }

    @Test
    void anUnchangedScopeStillRestoresWhatCodeInsideItWroteItself() {
        try (Correlation.Scope outer = Correlation.open("request-0001")) {
            try (Correlation.Scope same = Correlation.open("request-0001")) {
                MDC.put("correlation_id", "written-directly");
            }
            assertEquals("request-0001", Correlation.current());
        }
        try (Correlation.Scope none = new Correlation.Scope(null)) {
            MDC.put("correlation_id", "written-directly");
        }
        assertNull(Correlation.current());
    }
}
