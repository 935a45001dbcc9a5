package dev.logtally.monitoring;

/**
 * Makes a service's metrics appear on the Pushgateway the way {@code logtally tail --push} does: one push
 * group ({@code job}, {@code instance}) holding the {@code loka_stratum_*} metrics and logtally's own
 * {@code logtally_*} metrics, replaced by HTTP PUT at every push interval, counters only growing.
 *
 * <p>TODO(lead): {@code logtally tail} was not usable from the monitoring branch, so the only
 * implementation is {@link SyntheticPushProducer}. Add a {@code PipelineProducer} that runs the real
 * pipeline: {@code logtally demo-app --log-dir DIR} (service loka-stratum, logging through the drop-in;
 * {@link #setTraffic} must be able to switch it to an error burst of more than 10 errors/s and 5% of
 * requests) and
 * {@code logtally tail --path DIR/loka-stratum.log --state-dir STATE --push PUSHGATEWAY --job loka-stratum
 * --instance pool-1 --push-interval 1s --config monitoring/tailer/tailer.properties}; then use it in
 * {@link ErrorTrackingStackIT#startStack}.
 *
 * <pre>{@code
 * try (MetricsProducer p = new SyntheticPushProducer(pushgatewayUrl, "loka-stratum", "pool-1", "loka-stratum",
 *         Duration.ofSeconds(1), Clock.systemUTC())) {
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
