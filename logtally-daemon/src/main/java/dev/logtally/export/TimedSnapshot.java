package dev.logtally.export;

import dev.logtally.aggregate.MetricSnapshot;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot and the instant its values hold for: one point of an OpenMetrics backfill
 * ({@link OpenMetricsFormat}). Timestamps are kept to the millisecond, as Prometheus stores them.
 *
 * <pre>{@code
 * List<TimedSnapshot> points = List.of(new TimedSnapshot(Instant.parse("2024-01-01T00:00:00Z"), snapshot));
 * }</pre>
 *
 * @param time     when the values held (event time, not wall-clock time of the replay)
 * @param snapshot the values
 */
public record TimedSnapshot(Instant time, MetricSnapshot snapshot) {
    public TimedSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
