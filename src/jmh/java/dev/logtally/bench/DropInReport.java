package dev.logtally.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON results of one drop-in benchmark run ({@code -rf json}) into the Markdown tables and
 * target verdicts of docs/BENCHMARKS.md, so that the published ratios are computed, not copied by hand.
 * Ratios compare configurations of the same run only.
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar DropIn -prof dev.logtally.bench.DropInCpuProfiler -rf json -rff target/dropin.json
 * java -cp target/benchmarks.jar dev.logtally.bench.DropInReport target/dropin.json
 * }</pre>
 */
public final class DropInReport {
    /** Target: the drop-in costs at most this much more per event than plain LogstashEncoder. */
    static final double MAX_EXTRA_COST = 0.10;
    /** Target: the async drop-in's caller-side median, in microseconds. */
    static final double MAX_ASYNC_MEDIAN_US = 1.0;

    private static final String THROUGHPUT = "DropInBenchmark.throughput";
    private static final String LATENCY = "DropInBenchmark.latency";
    private static final String CALLER = "DropInAsyncCallerBenchmark.asyncCaller";
    private static final String STEP = "DropInBreakdownBenchmark.step";
    private static final String WAKE = "DropInWakeBenchmark.put";
    private static final List<DropInConfig> MAIN = List.of(DropInConfig.FILE_PATTERN, DropInConfig.LOGSTASH_ROLLING,
            DropInConfig.DROPIN_SYNC, DropInConfig.DROPIN_ASYNC);
    private static final List<DropInConfig> ASYNC = List.of(DropInConfig.DROPIN_ASYNC, DropInConfig.DROPIN_ASYNC_LOGBACK);
    private static final List<DropInConfig> BREAKDOWN = List.of(DropInConfig.LOGSTASH_ROLLING,
            DropInConfig.LOGSTASH_TIMED_POJO, DropInConfig.LOGSTASH_TIMED, DropInConfig.LOGSTASH_TIMED_SCOPED,
            DropInConfig.DROPIN_SYNC, DropInConfig.DROPIN_SYNC_SESSION);

    /** One JMH result: score and error, its percentiles (sample mode), its caller CPU (when profiled). */
    private record Result(String method, String param, double score, double error, JsonNode percentiles, double cpuNs,
            double cpuError) {
        double percentile(String p) {
            return percentiles.path(p).asDouble(Double.NaN);
        }
    }

    private final List<Result> results;

    private DropInReport(List<Result> results) {
        this.results = results;
    }

    /** Prints the report of the JMH JSON file named by the only argument; exit 2 on a bad argument or file. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DropInReport JMH_RESULT.json (written by -rf json -rff FILE)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        try {
            DropInReport report = read(file);
            // A run of only "DropInAsyncCaller|DropInWake" gets only the async table and verdicts.
            System.out.print(report.has(THROUGHPUT) ? report.render() : report.renderAsyncCaller() + "\n" + report.verdictsAsyncCaller());
        } catch (JacksonException e) {
            System.err.println(file + ": not a JMH JSON result: " + e.getOriginalMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
        }
    }

    static DropInReport read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the file");
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : JsonMapper.shared().readTree(file.toFile()).values()) {
            String benchmark = r.path("benchmark").asString("");
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            JsonNode params = r.path("params");
            String param = params.has("gate") ? params.path("gate").asString() + " " + params.path("config").asString("")
                    : params.has("config") ? params.path("config").asString() : params.path("consumer").asString("");
            JsonNode m = r.path("primaryMetric");
            JsonNode cpu = r.path("secondaryMetrics").path(DropInCpuProfiler.LABEL);
            results.add(new Result(method, param, m.path("score").asDouble(), m.path("scoreError").asDouble(Double.NaN),
                    m.path("scorePercentiles"), cpu.path("score").asDouble(Double.NaN),
                    cpu.path("scoreError").asDouble(Double.NaN)));
        }
        return new DropInReport(results);
    }

    private boolean has(String method) {
        return results.stream().anyMatch(r -> r.method().equals(method));
    }

    private Result get(String method, DropInConfig config) {
        return get(method, config.name());
    }

    private Result get(String method, String param) {
        return results.stream().filter(r -> r.method().equals(method) && r.param().equals(param)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + method + " " + param
                        + " (run all DropIn benchmarks in one run, with -prof dev.logtally.bench.DropInCpuProfiler)"));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        Result b = get(THROUGHPUT, DropInConfig.LOGSTASH_ROLLING);
        Result bLat = get(LATENCY, DropInConfig.LOGSTASH_ROLLING);
        out.append("| configuration | events/s | caller CPU µs/event | p50 µs | p99 µs | p99.99 µs | vs (b): CPU | vs (b): p50 | vs (b): 1/events/s |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (DropInConfig c : MAIN) {
            Result t = get(THROUGHPUT, c);
            Result l = get(LATENCY, c);
            out.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %.2f ± %.2f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f |%n",
                    label(c), t.score(), t.error(), t.cpuNs() / 1e3, t.cpuError() / 1e3, l.percentile("50.0"),
                    l.percentile("99.0"), l.percentile("99.99"), t.cpuNs() / b.cpuNs(), l.percentile("50.0") / bLat.percentile("50.0"),
                    b.score() / t.score()));
        }
        out.append('\n').append(renderAsyncCaller());
        out.append("\n| breakdown step (sync) | events/s | caller CPU µs/event | added by this step |\n");
        out.append("| --- | ---: | ---: | ---: |\n");
        for (int i = 0; i < BREAKDOWN.size(); i++) {
            DropInConfig c = BREAKDOWN.get(i);
            Result t = get(STEP, c);
            // Every step adds to the one before it, except the session variant, which replaces (c)'s per-event scope.
            DropInConfig before = c == DropInConfig.DROPIN_SYNC_SESSION ? DropInConfig.DROPIN_SYNC : i == 0 ? null : BREAKDOWN.get(i - 1);
            String added = before == null ? "" : String.format(Locale.ROOT, "%+.2f µs vs %s", (t.cpuNs() - get(STEP, before).cpuNs()) / 1e3,
                    before.name());
            out.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %.2f ± %.2f | %s |%n", label(c), t.score(), t.error(),
                    t.cpuNs() / 1e3, t.cpuError() / 1e3, added));
        }
        out.append('\n');
        verdictCost(out, "sync", get(THROUGHPUT, DropInConfig.DROPIN_SYNC), get(LATENCY, DropInConfig.DROPIN_SYNC), b, bLat);
        Result session = get(STEP, DropInConfig.DROPIN_SYNC_SESSION);
        Result stepB = get(STEP, DropInConfig.LOGSTASH_ROLLING);
        double extraSession = session.cpuNs() / stepB.cpuNs() - 1;
        out.append(String.format(Locale.ROOT, "- (c) sync, one scope per session, vs (b) (breakdown run): %+.0f%% caller CPU → target ≤ %+.0f%%: %s%n",
                100 * extraSession, 100 * MAX_EXTRA_COST, extraSession <= MAX_EXTRA_COST ? "MET" : "MISSED"));
        out.append(verdictsAsyncCaller());
        double sustained = get(LATENCY, DropInConfig.DROPIN_ASYNC).percentile("50.0");
        out.append(String.format(Locale.ROOT, "- async caller median, sustained (queue full, caller waits for the writer): %.2f µs → target < %.0f µs: %s%n",
                sustained, MAX_ASYNC_MEDIAN_US, sustained < MAX_ASYNC_MEDIAN_US ? "MET" : "MISSED"));
        return out.toString();
    }

    /** The async callers' table: both async appenders under both gates, and the bare queues of DropInWake. */
    String renderAsyncCaller() {
        StringBuilder out = new StringBuilder();
        out.append("| async caller, queue never full | p50 µs | p90 µs | p99 µs | p99.9 µs | mean µs |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (DropInGate g : DropInGate.values()) {
            for (DropInConfig c : ASYNC) {
                Result r = get(CALLER, g.name() + " " + c.name());
                out.append(String.format(Locale.ROOT, "| %s, %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", g, asyncLabel(c),
                        r.percentile("50.0"), r.percentile("90.0"), r.percentile("99.0"), r.percentile("99.9"), r.score()));
            }
        }
        for (String consumer : List.of("CONSUMER_WAITING", "NO_CONSUMER", "RING_POLLING")) {
            Result r = get(WAKE, consumer);
            String queue = consumer.equals("RING_POLLING") ? "EventRing.put" : "ArrayBlockingQueue.put";
            out.append(String.format(Locale.ROOT, "| bare %s, paced, %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", queue, consumer,
                    r.percentile("50.0"), r.percentile("90.0"), r.percentile("99.0"), r.percentile("99.9"), r.score()));
        }
        return out.toString();
    }

    /** The async median target per appender and gate. */
    String verdictsAsyncCaller() {
        StringBuilder out = new StringBuilder();
        for (DropInGate g : DropInGate.values()) {
            for (DropInConfig c : ASYNC) {
                double p50 = get(CALLER, g.name() + " " + c.name()).percentile("50.0");
                out.append(String.format(Locale.ROOT, "- async caller median (%s, %s): %.2f µs → target < %.0f µs: %s%n", g,
                        asyncLabel(c), p50, MAX_ASYNC_MEDIAN_US, p50 < MAX_ASYNC_MEDIAN_US ? "MET" : "MISSED"));
            }
        }
        return out.toString();
    }

    private static String asyncLabel(DropInConfig c) {
        return c == DropInConfig.DROPIN_ASYNC ? "NeverDropAsyncAppender (drop-in)" : "Logback AsyncAppender";
    }

    private static void verdictCost(StringBuilder out, String what, Result thrpt, Result lat, Result b, Result bLat) {
        double cpu = thrpt.cpuNs() / b.cpuNs() - 1;
        double p50 = lat.percentile("50.0") / bLat.percentile("50.0") - 1;
        double wall = b.score() / thrpt.score() - 1;
        out.append(String.format(Locale.ROOT,
                "- (c) %s vs (b): %+.0f%% caller CPU per event, %+.0f%% median, %+.0f%% wall time per event (1/events/s) → target ≤ %+.0f%%: %s%n",
                what, 100 * cpu, 100 * p50, 100 * wall, 100 * MAX_EXTRA_COST,
                cpu <= MAX_EXTRA_COST && p50 <= MAX_EXTRA_COST ? "MET" : "MISSED"));
    }

    private static String label(DropInConfig c) {
        return switch (c) {
            case FILE_PATTERN -> "(a) FileAppender, pattern";
            case LOGSTASH_ROLLING -> "(b) LogstashEncoder + rolling";
            case DROPIN_SYNC -> "(c) drop-in, sync (LOGTALLY_FILE)";
            case DROPIN_ASYNC -> "(c) drop-in, async (LOGTALLY), sustained: queue full";
            case DROPIN_ASYNC_LOGBACK -> "(c) async through Logback's AsyncAppender, sustained: queue full";
            case LOGSTASH_TIMED_POJO -> "+ method, duration_ms via StructuredArguments.value";
            case LOGSTASH_TIMED -> "+ method, duration_ms via Timing.record";
            case LOGSTASH_TIMED_SCOPED -> "+ correlation scope per event";
            case DROPIN_SYNC_SESSION -> "(c) sync, one scope per session instead";
        };
    }
}
