package dev.logtally.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics {@code logtally tail} would hold after reading a simulated service's log, advanced one
 * interval at a time and written in the Prometheus text format (0.0.4) without timestamps, as logtally
 * pushes them. Deterministic: the same traffic gives the same values; counters only grow.
 *
 * <p>Requests are split over the Stratum methods by fixed shares, and each method's latencies cycle
 * through a fixed list (all well under a second). Gauges are steady (memory constant, the pool
 * connected), and the tailer is healthy: old parse errors and dropped series that no longer grow, no lag.
 *
 * <pre>{@code
 * SimulatedMetrics m = new SimulatedMetrics("loka-stratum");
 * m.advance(Traffic.normal(), 1.0, nowSeconds);
 * String body = m.text();
 * }</pre>
 */
final class SimulatedMetrics {
    /** The contract's default buckets, seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Map<String, Double> SHARES = shares();
    private static final Map<String, double[]> LATENCIES = Map.of(
            "mining.submit", new double[] {0.003, 0.008, 0.012, 0.02, 0.045, 0.07, 0.15},
            "mining.notify", new double[] {0.001, 0.002, 0.004},
            "mining.subscribe", new double[] {0.01, 0.03, 0.06},
            "mining.authorize", new double[] {0.02, 0.05, 0.12, 0.3});

    private final String service;
    private final Map<String, Method> methods = new LinkedHashMap<>();
    private final Map<String, long[]> errors = new TreeMap<>(); // {count}, created at a type's first error
    private final Map<String, Double> errorCarry = new TreeMap<>();
    private long ticks;
    private long lines;
    private long pushes;
    private double lastPushSeconds;

    SimulatedMetrics(String service) {
        this.service = service;
        SHARES.keySet().forEach(m -> methods.put(m, new Method(LATENCIES.get(m))));
    }

    /** Adds {@code seconds} of {@code traffic}; {@code nowSeconds} stamps the push and checkpoint gauges. */
    void advance(Traffic traffic, double seconds, double nowSeconds) {
        ticks++;
        long events = 0;
        for (var e : methods.entrySet()) {
            events += e.getValue().observe(traffic.requestsPerSecond() * seconds * SHARES.get(e.getKey()));
        }
        for (var e : traffic.errorsPerSecond().entrySet()) {
            double due = errorCarry.getOrDefault(e.getKey(), 0.0) + e.getValue() * seconds;
            long whole = (long) Math.floor(due);
            errorCarry.put(e.getKey(), due - whole);
            if (whole > 0) {
                errors.computeIfAbsent(e.getKey(), k -> new long[1])[0] += whole;
                events += whole;
            }
        }
        lines += events + Math.round(5 * seconds); // plus a few INFO lines that are neither
        pushes++;
        lastPushSeconds = nowSeconds;
    }

    /** The whole push body. */
    String text() {
        StringBuilder b = new StringBuilder(8192);
        header(b, "loka_stratum_errors_total", "counter", "Error events, by error_type and service.");
        errors.forEach((type, n) -> b.append("loka_stratum_errors_total{error_type=\"").append(type)
                .append("\",service=\"").append(service).append("\"} ").append(n[0]).append('\n'));
        header(b, "loka_stratum_request_duration_seconds", "histogram", "Duration of timed events, by method.");
        methods.forEach((name, m) -> m.write(b, name));
        gauge(b, "loka_stratum_active_connections", 118 + ticks % 7);
        gauge(b, "loka_stratum_message_queue_size", 3 + ticks % 4);
        gauge(b, "loka_stratum_pool_connected", 1);
        gauge(b, "loka_stratum_memory_used_bytes", 268_435_456);

        counter(b, "logtally_lines_total", "", lines);
        counter(b, "logtally_bytes_total", "", lines * 240);
        counter(b, "logtally_events_total", "", lines - 2); // the 2 malformed lines were skipped
        header(b, "logtally_parse_errors_total", "counter", "Lines or values skipped, by reason.");
        b.append("logtally_parse_errors_total{reason=\"invalid_timestamp\"} 1\n");
        b.append("logtally_parse_errors_total{reason=\"malformed\"} 2\n");
        counter(b, "logtally_series_dropped_total", "{label=\"error_type\",metric=\"loka_stratum_errors_total\"}", 4);
        counter(b, "logtally_rotations_total", "{kind=\"rename\"}", 1);
        counter(b, "logtally_pushes_total", "", pushes - 1);
        counter(b, "logtally_push_failures_total", "", 0);
        gauge(b, "logtally_lag_bytes", 0);
        gauge(b, "logtally_lag_seconds", 0);
        gauge(b, "logtally_files_followed", 1);
        gauge(b, "logtally_last_push_timestamp_seconds", lastPushSeconds);
        gauge(b, "logtally_checkpoint_timestamp_seconds", lastPushSeconds);
        gauge(b, "logtally_checkpoint_age_seconds", 0);
        header(b, "logtally_build_info", "gauge", "logtally's version.");
        b.append("logtally_build_info{version=\"0.1.0\"} 1\n");
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void counter(StringBuilder b, String name, String labels, long value) {
        header(b, name, "counter", "logtally's own counter.");
        b.append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder b, String name, double value) {
        header(b, name, "gauge", "Last value.");
        b.append(name).append(' ').append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }

    private static Map<String, Double> shares() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mining.submit", 0.7);
        m.put("mining.notify", 0.2);
        m.put("mining.subscribe", 0.05);
        m.put("mining.authorize", 0.05);
        return m;
    }

    /** One method's histogram: cumulative bucket counts, sum and count. */
    private static final class Method {
        private final double[] latencies;
        private final long[] buckets = new long[BUCKETS.length];
        private long count;
        private double sum;
        private double carry;

        Method(double[] latencies) {
            this.latencies = latencies;
        }

        long observe(double due) {
            double total = carry + due;
            long n = (long) Math.floor(total);
            carry = total - n;
            for (long i = 0; i < n; i++) {
                double v = latencies[(int) (count % latencies.length)];
                count++;
                sum += v;
                for (int b = 0; b < BUCKETS.length; b++) {
                    if (v <= BUCKETS[b]) {
                        buckets[b]++;
                    }
                }
            }
            return n;
        }

        void write(StringBuilder b, String method) {
            for (int i = 0; i < BUCKETS.length; i++) {
                bucket(b, method, Double.toString(BUCKETS[i]).replaceFirst("\\.0$", ""), buckets[i]);
            }
            bucket(b, method, "+Inf", count);
            b.append("loka_stratum_request_duration_seconds_sum{method=\"").append(method).append("\"} ")
                    .append(String.format(java.util.Locale.ROOT, "%.6f", sum)).append('\n');
            b.append("loka_stratum_request_duration_seconds_count{method=\"").append(method).append("\"} ").append(count).append('\n');
        }

        private static void bucket(StringBuilder b, String method, String le, long n) {
            b.append("loka_stratum_request_duration_seconds_bucket{method=\"").append(method).append("\",le=\"").append(le)
                    .append("\"} ").append(n).append('\n');
        }
    }

    /** The methods, in the order they are written. */
    static List<String> methodNames() {
        return List.copyOf(SHARES.keySet());
    }
}
