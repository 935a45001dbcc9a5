package dev.logtally.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.logstash.logback.argument.StructuredArgument;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The sample service in-process, with the database "thread" run inline so that everything happens in
 * one deterministic order: a seed always plays the same story, and the story has every method, error
 * type and gauge of the issue, each error with its exception and correlation ID.
 */
class StratumProxySimulationTest {

    /** Runs {@code steps} steps of the simulation and returns its events, rendered to compare. */
    private static List<String> play(long seed, int steps) {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.logtally.samples");
        ListAppender<ILoggingEvent> events = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                e.prepareForDeferredProcessing(); // take the MDC now, while the scope is open
                super.append(e);
            }
        };
        events.setContext(logger.getLoggerContext());
        events.start();
        logger.addAppender(events);
        logger.setAdditive(false);
        logger.setLevel(Level.DEBUG);
        try {
            SimClock clock = new SimClock();
            Random random = new Random(seed);
            StratumProxy proxy = new StratumProxy(new SimulatedPool(new Random(seed + 1), clock),
                    new SimulatedShareDb(new Random(seed + 2), clock), Runnable::run, clock,
                    () -> String.format("%016x%016x", random.nextLong(), random.nextLong()));
            MinerFleet fleet = new MinerFleet(random, proxy, 60, 50);
            for (int i = 0; i < steps; i++) {
                fleet.step();
            }
        } finally {
            logger.detachAppender(events);
            logger.setAdditive(true);
            logger.setLevel(null);
        }
        return events.list.stream().map(StratumProxySimulationTest::render).collect(Collectors.toList());
    }

    /** Level, correlation ID, message, structured fields (memory masked: it is the real JVM's), exception. */
    private static String render(ILoggingEvent e) {
        StringBuilder b = new StringBuilder().append(e.getLevel()).append(' ')
                .append(e.getMDCPropertyMap().getOrDefault("correlation_id", "-")).append(' ')
                .append(e.getFormattedMessage().replaceAll("^gauge memory_used_bytes=\\d+$", "gauge memory_used_bytes=*"));
        if (e.getArgumentArray() != null) {
            for (Object a : e.getArgumentArray()) {
                if (a instanceof StructuredArgument s) {
                    b.append(" {").append(s.toString().startsWith("memory_used_bytes=") ? "memory_used_bytes=*" : s).append('}');
                }
            }
        }
        if (e.getThrowableProxy() != null) {
            b.append(" !").append(e.getThrowableProxy().getClassName()).append(": ").append(e.getThrowableProxy().getMessage());
        }
        return b.toString();
    }

    @Test
    void aSeedAlwaysPlaysTheSameStory() {
        List<String> first = play(42, 3_000);
        List<String> again = play(42, 3_000);
        for (int i = 0; i < Math.min(first.size(), again.size()); i++) {
            assertEquals(first.get(i), again.get(i), "event " + i);
        }
        assertEquals(first.size(), again.size());
        assertNotEquals(first.subList(0, 10), play(43, 3_000).subList(0, 10));
    }

    @Test
    void theStoryHasEveryMethodErrorTypeAndGauge() {
        List<String> events = play(42, 3_000);
        Map<String, Integer> kinds = new TreeMap<>();
        for (String e : events) {
            for (String kind : List.of("mining.subscribe took", "mining.authorize took", "mining.submit took",
                    "mining.notify took", "db.insert_share took", "{connection_timeout}", "{protocol_violation}",
                    "{db_write_failed}", "{invalid_share}", "{pool_disconnected}", "gauge active_connections=",
                    "gauge message_queue_size=", "gauge pool_connected=", "gauge memory_used_bytes=")) {
                if (e.contains(kind)) {
                    kinds.merge(kind, 1, Integer::sum);
                }
            }
        }
        assertEquals(14, kinds.size(), kinds.toString());
        for (String e : events) {
            if (e.startsWith("ERROR")) {
                assertTrue(e.contains(" !"), "error without exception: " + e);
                assertTrue(e.matches("(?s)ERROR [0-9a-f]{32} .*|ERROR - lost the upstream pool.*"), "error without correlation ID: " + e);
            }
        }
    }

    @Test
    void errorsCarryRealExceptions() {
        Map<String, String> exceptionOf = new TreeMap<>();
        for (String e : play(42, 3_000)) {
            int type = e.indexOf(" {", e.indexOf(' ', 6));
            if (e.startsWith("ERROR") && type > 0) {
                exceptionOf.putIfAbsent(e.substring(type + 2, e.indexOf('}', type)), e.substring(e.indexOf(" !") + 2, e.indexOf(':', e.indexOf(" !"))));
            }
        }
        assertEquals(Map.of(
                "connection_timeout", "java.net.SocketTimeoutException",
                "db_write_failed", "java.sql.SQLTransientConnectionException",
                "invalid_share", "dev.logtally.samples.InvalidShareException",
                "pool_disconnected", "java.net.SocketException",
                "protocol_violation", "tools.jackson.core.exc.StreamReadException"), exceptionOf);
    }
}
