package dev.logtally.bench;

import static net.logstash.logback.argument.StructuredArguments.value;

import dev.logtally.logback.Correlation;
import dev.logtally.logback.CorrelationId;
import dev.logtally.logback.Timing;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The one event every drop-in benchmark logs: INFO {@code "mining.submit took 12.346 ms"}, written the way
 * each configuration's user would write it, so that the configurations compare like with like.
 *
 * <ul>
 *   <li>{@link #plain}: SLF4J with two ordinary arguments, as a service logs before logtally (configurations
 *       (a) and (b)): the line carries only the message.</li>
 *   <li>{@link #logtally}: a fresh {@link Correlation} scope around {@link Timing#record}, as a service
 *       logs with the drop-in (configuration (c)): the same message, plus {@code correlation_id},
 *       {@code method} and a numeric {@code duration_ms}. A scope per event is the worst case (a request
 *       that logs one event pays for a new ID and two MDC changes on its own).</li>
 *   <li>{@link #plainSameLine}: the same line content as {@link #logtally} made with plain SLF4J and
 *       logstash-logback-encoder means, as a service without logtally writes it (configuration (b′)):
 *       {@code MDC.put("correlation_id", UUID.randomUUID().toString())} around the call, the two fields as
 *       {@code StructuredArguments.value}; {@code service} and {@code release} come from the encoder's
 *       {@code customFields}. {@code UUID.randomUUID()} is the ID most services make (it draws from
 *       {@code SecureRandom}); {@link #plainSameLineOwnId} takes logtally's generator instead, to show
 *       which part of the difference is the ID alone.</li>
 * </ul>
 *
 * Two partial events break the drop-in's cost down (see {@link DropInBreakdownBenchmark}): {@link #timed}
 * (the timed event without a correlation scope) and {@link #timedPojo} (the same fields as
 * logstash-logback-encoder's generic {@code StructuredArguments.value}, which serialises each value
 * through Jackson databind).
 *
 * <pre>{@code
 * DropInEvent.logtally(context.getLogger("dev.logtally.bench.StratumProxy"));
 * }</pre>
 */
public final class DropInEvent {
    /** What was timed. */
    public static final String METHOD = "mining.submit";
    /** How long it took, in milliseconds. */
    public static final double DURATION_MS = 12.346;

    private DropInEvent() {
    }

    /** The event with plain arguments (configurations (a) and (b)). */
    public static void plain(Logger log) {
        log.info("{} took {} ms", METHOD, DURATION_MS);
    }

    /** The timed event through the logtally API, without a correlation scope. */
    public static void timed(Logger log) {
        Timing.record(log, METHOD, DURATION_MS);
    }

    /** The same line as {@link #timed}, its fields made by {@code StructuredArguments.value} (databind). */
    public static void timedPojo(Logger log) {
        log.info("{} took {} ms", value(Timing.METHOD_FIELD, METHOD), value(Timing.DURATION_FIELD, DURATION_MS));
    }

    /** (b′): the line of {@link #logtally} by plain means, with a {@code UUID.randomUUID()} ID. */
    public static void plainSameLine(Logger log) {
        plainSameLine(log, UUID.randomUUID().toString());
    }

    /** (b′) with the ID from logtally's {@link CorrelationId#generate()} instead of a random UUID. */
    public static void plainSameLineOwnId(Logger log) {
        plainSameLine(log, CorrelationId.generate());
    }

    private static void plainSameLine(Logger log, String id) {
        MDC.put(Correlation.MDC_KEY, id);
        try {
            log.info("{} took {} ms", value(Timing.METHOD_FIELD, METHOD), value(Timing.DURATION_FIELD, DURATION_MS));
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
    }

    /** The event through the logtally API, in its own correlation scope (configuration (c)). */
    @SuppressWarnings("try") // the scope is opened for what its close() does
    public static void logtally(Logger log) {
        try (Correlation.Scope request = Correlation.open()) {
            Timing.record(log, METHOD, DURATION_MS);
        }
    }
}
