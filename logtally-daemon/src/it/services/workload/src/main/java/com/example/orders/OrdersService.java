package com.example.orders;

import dev.logtally.logback.Correlated;
import dev.logtally.logback.Correlation;
import dev.logtally.logback.ErrorType;
import dev.logtally.logback.Gauge;
import dev.logtally.logback.Timer;
import dev.logtally.logback.Timing;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small order service that logs the way a real one adopting logtally does, through SLF4J, its own
 * {@code logback.xml} and the {@code dev.logtally.logback} API: every request in a correlation scope (an
 * inbound ID, or a fresh one), timed ({@code Timing}); some fail with an exception, either typed
 * ({@code ErrorType}) or plain (the tailer then takes the exception's class); a gauge now and then; audit
 * work handed to a pool ({@code Correlated}). At the end it prints on stdout, as one JSON line, what it
 * logged: the numbers {@code logtally replay} must find in its log directory.
 *
 * <pre>
 * java -Dlogtally.dir=/tmp/orders -Dlogtally.maxFileSize=16KB -cp ... com.example.orders.OrdersService 2000
 * {"requests":2000,"events":6236,"timed":{"orders.cancel":666,...},"errors":{"IllegalStateException":...},"gauges":{"queue_depth":...}}
 * </pre>
 *
 * The same source serves every sample service (each its own Maven project, on its own stack); only their
 * poms differ.
 */
public final class OrdersService {
    private static final Logger log = LoggerFactory.getLogger(OrdersService.class);
    private static final ErrorType PAYMENT_DECLINED = ErrorType.of("payment_declined");
    private static final Gauge QUEUE_DEPTH = Gauge.of("queue_depth");
    private static final String[] METHODS = {"orders.place", "orders.lookup", "orders.cancel"};

    private final Map<String, Integer> timed = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    /** Every event logged, on any thread: each is one line in the log directory. */
    private final AtomicInteger events = new AtomicInteger();
    private long lastQueueDepth = -1;

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        OrdersService service = new OrdersService();
        ExecutorService audit = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < requests; i++) {
                service.handle(i, audit);
            }
        } finally {
            audit.shutdown();
            if (!audit.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("audit tasks did not finish");
            }
        }
        System.out.println(service.summary(requests));
        // The JVM exits here; logback.xml's <shutdownHook/> writes out the queue and finishes the archives.
    }

    private void handle(int i, ExecutorService audit) {
        String inbound = i % 4 == 0 ? null : "req-" + String.format("%08d", i);
        try (Correlation.Scope request = Correlation.resume(inbound)) {
            String method = METHODS[i % METHODS.length];
            try (Timer t = Timing.start(log, method)) {
                if (i % 7 == 3) {
                    throw new IllegalStateException("stock reservation for order " + i + " failed");
                }
                if (i % 11 == 5) {
                    PAYMENT_DECLINED.log(log, new IOException("card issuer answered 402"), "payment for order {} declined", i);
                    events.incrementAndGet();
                    count(errors, PAYMENT_DECLINED.name());
                }
                log.info("order {} {}", i, method);
                events.incrementAndGet();
            } catch (IllegalStateException e) {
                log.error("order {} failed", i, e);
                events.incrementAndGet();
                count(errors, e.getClass().getSimpleName());
            }
            events.incrementAndGet();
            count(timed, method);
            audit.execute(Correlated.wrap(() -> {
                log.info("audit record for order {}", i);
                events.incrementAndGet();
            }));
            if (i % 25 == 0) {
                lastQueueDepth = (i * 37L) % 101;
                QUEUE_DEPTH.report(log, lastQueueDepth);
                events.incrementAndGet();
            }
        }
    }

    private static void count(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private String summary(int requests) {
        return "{\"requests\":" + requests + ",\"events\":" + events.get() + ",\"timed\":" + json(timed) + ",\"errors\":" + json(errors)
                + ",\"gauges\":{\"queue_depth\":" + lastQueueDepth + "}}";
    }

    private static String json(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
