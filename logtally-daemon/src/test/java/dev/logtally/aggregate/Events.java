package dev.logtally.aggregate;

import dev.logtally.parse.Event;

/** Builds {@link Event}s for tests: only the fields the aggregator reads. */
public final class Events {
    private Events() {
    }

    public static Event error(String errorType, String service) {
        return event("ERROR", errorType, service, null, Double.NaN, null);
    }

    public static Event level(String level, String errorType, String service) {
        return event(level, errorType, service, null, Double.NaN, null);
    }

    public static Event timed(String method, double durationMs) {
        return event("INFO", null, null, method, durationMs, null);
    }

    public static Event gauges(double... values) {
        return event("INFO", null, null, null, Double.NaN, values);
    }

    public static Event event(String level, String errorType, String service, String method, double durationMs,
                              double[] gauges) {
        return new Event(Event.NO_TIME, level, service, null, errorType, null, method, durationMs, gauges,
                null, null, null, null, null, null, null);
    }
}
