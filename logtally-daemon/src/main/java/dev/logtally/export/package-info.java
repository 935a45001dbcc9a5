/**
 * The export stage: a {@link dev.logtally.aggregate.MetricSnapshot} out to the world.
 *
 * <ul>
 *   <li>{@link dev.logtally.export.TextFormat}: Prometheus text 0.0.4, byte-stable;
 *       {@link dev.logtally.export.OpenMetricsFormat}: timestamped OpenMetrics for {@code promtool} backfill.</li>
 *   <li>{@link dev.logtally.export.Pusher}: HTTP PUT to a Pushgateway (bounded attempts, backoff with jitter,
 *       basic/bearer auth, private CA), configured by {@link dev.logtally.export.PushOptions}.</li>
 *   <li>{@link dev.logtally.export.RemoteWriter}: Prometheus remote write 1.0 ({@link dev.logtally.export.WriteRequestEncoder}
 *       protobuf, snappy) of checkpointed values stamped with their time, in bounded requests
 *       ({@link dev.logtally.export.RemoteBatches}), configured by {@link dev.logtally.export.RemoteWriteOptions};
 *       attempts, retries, auth and TLS shared with the push ({@code Delivery}).</li>
 *   <li>{@link dev.logtally.export.MetricsServer}: {@code GET /metrics} and {@code /-/healthy}.</li>
 * </ul>
 *
 * <p>All numbers are spelled as the Prometheus Go client spells them ({@link dev.logtally.export.GoFloat}), so a
 * series ({@code le="1"}) has one identity in {@code /metrics}, in the Pushgateway and in backfilled blocks.
 *
 * <pre>{@code
 * PushOptions options = PushOptions.of("http://127.0.0.1:9091", "checkout", "host-1");
 * try (Pusher pusher = Pusher.create(options, new LoggingPushListener(options, Clock.systemUTC(), Duration.ofMinutes(1)));
 *      MetricsServer server = MetricsServer.start(MetricsServer.address("127.0.0.1:9464"), store::latest)) {
 *     pusher.push(store::latest, Instant.now().plusSeconds(10));
 * }
 * }</pre>
 */
package dev.logtally.export;
