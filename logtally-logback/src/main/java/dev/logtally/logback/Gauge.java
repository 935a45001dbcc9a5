package dev.logtally.logback;

import org.slf4j.Logger;

/**
 * A named numeric value reported as an event field: {@code report} logs one INFO event
 * {@code "gauge active_connections=42"} whose field {@code active_connections} is the number 42. List
 * the name in the tailer's {@code gauges} setting and it exports {@code NS_active_connections}, last value
 * wins. Make one constant per gauge; the name is checked once, there.
 *
 * <pre>{@code
 * static final Gauge ACTIVE_CONNECTIONS = Gauge.of("active_connections");
 * ...
 * ACTIVE_CONNECTIONS.report(log, sessions.size());
 * }</pre>
 */
public final class Gauge {
    private final String name;

    private Gauge(String name) {
        this.name = name;
    }

    /**
     * The gauge {@code name}.
     *
     * @throws IllegalArgumentException unless it is 1 to 64 characters of {@code a-z 0-9 _} starting with
     *                                  a letter, and not a field the log line already has ({@code level}, ...)
     */
    public static Gauge of(String name) {
        FieldNames.checkSnakeCase("a gauge name", name);
        if (FieldNames.RESERVED.contains(name)) {
            throw new IllegalArgumentException("a gauge name must not be a field the log line already has: \"" + name + "\"");
        }
        return new Gauge(name);
    }

    /** The gauge's name, which is also its field's name. */
    public String name() {
        return name;
    }

    /** Logs the gauge's current value. */
    public void report(Logger log, long value) {
        if (log.isInfoEnabled()) {
            log.info("gauge {}", Flavours.CURRENT.keyValue(name, value));
        }
    }

    /**
     * Logs the gauge's current value. NaN and the infinities are not numbers in JSON: such a value is
     * logged as a WARN event without the gauge's field, so the tailer keeps the last real value.
     */
    public void report(Logger log, double value) {
        if (Double.isFinite(value)) {
            if (log.isInfoEnabled()) {
                log.info("gauge {}", Flavours.CURRENT.keyValue(name, value));
            }
        } else {
            log.warn("gauge {} not reported: {} is not a finite number", name, value);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
