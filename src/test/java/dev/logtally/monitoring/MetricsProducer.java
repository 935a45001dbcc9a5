package dev.logtally.monitoring;

/**
 * Makes a service's metrics appear on the Pushgateway the way {@code logtally tail --push} does: one push
 * group ({@code job}, {@code instance}) holding the {@code loka_stratum_*} metrics and logtally's own
 * {@code logtally_*} metrics, replaced by HTTP PUT at every push interval, counters only growing.
 *
 * <p>The implementation is {@link PipelineProducer}: the sample service and {@code logtally tail}, for real.
 *
 * <pre>{@code
 * try (MetricsProducer p = new PipelineProducer(dir, pushgatewayUrl, "loka-stratum", "pool-1")) {
 *     p.start(Traffic.normal());
 *     p.setTraffic(Traffic.errorBurst());
 * }
 * }</pre>
 */
interface MetricsProducer extends AutoCloseable {
    /** Starts producing at {@code traffic}; returns once the first push has been accepted. */
    void start(Traffic traffic);

    /** Changes the traffic from the next push interval on. */
    void setTraffic(Traffic traffic);

    /** Pushes the Pushgateway accepted so far. */
    long acceptedPushes();

    /** Stops producing; what was pushed stays on the Pushgateway. */
    @Override
    void close();
}
