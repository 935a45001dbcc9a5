package dev.logtally.monitoring;

import java.util.Map;

/**
 * What a simulated service does each second: requests (split over the Stratum methods) and errors by
 * {@code error_type}. A {@link MetricsProducer} turns it into logtally's metrics.
 *
 * <pre>{@code
 * producer.start(Traffic.normal());      // 1% of requests fail: no alert
 * producer.setTraffic(Traffic.errorBurst());
 * }</pre>
 *
 * @param requestsPerSecond timed events per second, all methods together
 * @param errorsPerSecond   error events per second, by error type
 */
record Traffic(double requestsPerSecond, Map<String, Double> errorsPerSecond) {
    Traffic {
        errorsPerSecond = Map.copyOf(errorsPerSecond);
    }

    /** 40 requests/s; 0.4 invalid shares/s: 1% of requests, 0.4 errors/s, under every threshold. */
    static Traffic normal() {
        return new Traffic(40, Map.of("invalid_share", 0.4));
    }

    /** The same requests, plus 30 connection timeouts/s: 76% of requests fail, 30.4 errors/s. */
    static Traffic errorBurst() {
        return new Traffic(40, Map.of("invalid_share", 0.4, "connection_timeout", 30.0));
    }

    /** Errors per second, all types together. */
    double totalErrorsPerSecond() {
        return errorsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
