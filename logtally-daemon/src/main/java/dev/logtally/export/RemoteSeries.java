package dev.logtally.export;

import java.util.List;
import java.util.Objects;

/**
 * One time series of a remote-write request: its labels as name/value pairs sorted by name
 * ({@code __name__} among them, empty values left out) and its samples, oldest first. What
 * {@link WriteRequestEncoder} writes as a protobuf {@code prometheus.TimeSeries}.
 *
 * <pre>{@code
 * RemoteSeries s = new RemoteSeries(List.of("__name__", "app_errors_total", "error_type", "timeout"),
 *         new long[] {1704067200000L}, new double[] {3});
 * }</pre>
 *
 * @param labels     name, value, name, value, ... sorted by name
 * @param timestamps sample times in epoch milliseconds
 * @param values     sample values, one per timestamp
 */
public record RemoteSeries(List<String> labels, long[] timestamps, double[] values) {
    public RemoteSeries {
        labels = List.copyOf(labels);
        Objects.requireNonNull(timestamps, "timestamps");
        Objects.requireNonNull(values, "values");
        if (labels.size() % 2 != 0 || timestamps.length != values.length) {
            throw new IllegalArgumentException("labels come in name/value pairs and every sample has one timestamp");
        }
    }
}
