package dev.logtally.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON results of one drop-in benchmark run ({@code -rf json}) into the Markdown tables and
 * target verdicts of docs/BENCHMARKS.md, so that the published ratios are computed, not copied by hand.
 * Ratios compare configurations of the same run only. Several files (JMH invocations run back to back)
 * are read as one run; tables whose benchmarks are missing are left out.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropInBenchmark -prof dev.logtally.bench.DropInCpuProfiler -rf json -rff target/dropin.json
 * java -jar logtally-bench/target/benchmarks.jar DropInBreakdown -prof dev.logtally.bench.DropInCpuProfiler -rf json -rff target/breakdown.json
 * java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.DropInReport target/dropin.json target/breakdown.json
 * }</pre>
 */
public final class DropInReport {
    /** Target: the drop-in costs at most this much more per event than plain LogstashEncoder ((b′), and (b)). */
    static final double MAX_EXTRA_COST = 0.10;
    /** Target: the async drop-in's caller-side median, in microseconds. */
    static final double MAX_ASYNC_MEDIAN_US = 1.0;

    private static final String THROUGHPUT = "DropInBenchmark.throughput";
    private static final String LATENCY = "DropInBenchmark.latency";
    private static final String CALLER = "DropInAsyncCallerBenchmark.asyncCaller";
    private static final String STEP = "DropInBreakdownBenchmark.step";
    private static final String WAKE = "DropInWakeBenchmark.put";
    private static final List<DropInConfig> MAIN = List.of(DropInConfig.FILE_PATTERN, DropInConfig.LOGSTASH_ROLLING,
            DropInConfig.LOGSTASH_SAME_LINE, DropInConfig.DROPIN_SYNC, DropInConfig.DROPIN_SYNC_MDC_WRITER, DropInConfig.DROPIN_ASYNC);
    private static final List<DropInConfig> ASYNC = List.of(DropInConfig.DROPIN_ASYNC, DropInConfig.DROPIN_ASYNC_LOGBACK);
    private static final List<DropInConfig> BREAKDOWN = List.of(DropInConfig.LOGSTASH_ROLLING,
            DropInConfig.LOGSTASH_TIMED_POJO, DropInConfig.LOGSTASH_TIMED, DropInConfig.LOGSTASH_TIMED_SCOPED,
            DropInConfig.DROPIN_SYNC, DropInConfig.DROPIN_SYNC_MDC_WRITER, DropInConfig.DROPIN_SYNC_SESSION, DropInConfig.LOGSTASH_SAME_LINE,
            DropInConfig.LOGSTASH_SAME_LINE_OWN_ID, DropInConfig.LOGSTASH_SAME_LINE_PROVIDER);

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

    /**
     * Prints the report of the JMH JSON files named as arguments (one run may be several JMH invocations
     * back to back, e.g. the main configurations and the breakdown); exit 2 on a bad argument or file.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DropInReport JMH_RESULT.json... (written by -rf json -rff FILE)");
            System.exit(2);
        }
        List<Result> all = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                all.addAll(read(file));
            } catch (JacksonException e) {
                System.err.println(file + ": not a JMH JSON result: " + e.getOriginalMessage());
                System.exit(2);
            } catch (IllegalArgumentException e) {
                System.err.println(file + ": " + e.getMessage());
                System.exit(2);
            }
        }
        try {
            System.out.print(new DropInReport(all).render());
        } catch (IllegalArgumentException e) {
            System.err.println(String.join(" ", args) + ": " + e.getMessage());
            System.exit(2);
        }
    }

    static List<Result> read(Path file) {
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
        return results;
    }

    private Optional<Result> find(String method, String param) {
        return results.stream().filter(r -> r.method().equals(method) && r.param().equals(param)).findFirst();
    }

    private boolean has(String method, DropInConfig config) {
        return find(method, config.name()).isPresent();
    }

    private Result get(String method, DropInConfig config) {
        return get(method, config.name());
    }

    private Result get(String method, String param) {
        return find(method, param).orElseThrow(() -> new IllegalArgumentException("no result for " + method + " " + param
                + " (run the DropIn benchmarks with -prof dev.logtally.bench.DropInCpuProfiler)"));
    }

    /** The tables and verdicts of the results at hand; a table whose benchmark was not run is left out. */
    String render() {
        StringBuilder out = new StringBuilder();
        boolean main = has(THROUGHPUT, DropInConfig.LOGSTASH_ROLLING);
        boolean breakdown = has(STEP, DropInConfig.LOGSTASH_ROLLING);
        if (!main && !breakdown && results.stream().noneMatch(r -> r.method().equals(CALLER))) {
            throw new IllegalArgumentException("no drop-in results (DropInBenchmark, DropInBreakdownBenchmark, DropInAsyncCallerBenchmark)");
        }
        if (main) {
            mainTable(out);
        }
        if (results.stream().anyMatch(r -> r.method().equals(CALLER))) {
            out.append('\n').append(renderAsyncCaller());
        }
        if (breakdown) {
            breakdownTable(out);
        }
        out.append('\n');
        if (main) {
            Result c = get(THROUGHPUT, DropInConfig.DROPIN_SYNC);
            Result cLat = get(LATENCY, DropInConfig.DROPIN_SYNC);
            verdictCost(out, "(c) sync vs (b′), the same line by plain means: the drop-in's own cost", c, cLat,
                    get(THROUGHPUT, DropInConfig.LOGSTASH_SAME_LINE), get(LATENCY, DropInConfig.LOGSTASH_SAME_LINE));
            verdictCost(out, "(c) sync vs (b), a bare message: the five contract fields and the drop-in", c, cLat,
                    get(THROUGHPUT, DropInConfig.LOGSTASH_ROLLING), get(LATENCY, DropInConfig.LOGSTASH_ROLLING));
            if (has(THROUGHPUT, DropInConfig.DROPIN_SYNC_MDC_WRITER)) {
                Result w = get(THROUGHPUT, DropInConfig.DROPIN_SYNC_MDC_WRITER);
                Result wLat = get(LATENCY, DropInConfig.DROPIN_SYNC_MDC_WRITER);
                verdictCost(out, "(c) sync + StringMdcEntryWriter vs (b′)", w, wLat,
                        get(THROUGHPUT, DropInConfig.LOGSTASH_SAME_LINE), get(LATENCY, DropInConfig.LOGSTASH_SAME_LINE));
                verdictCost(out, "(c) sync + StringMdcEntryWriter vs (b)", w, wLat,
                        get(THROUGHPUT, DropInConfig.LOGSTASH_ROLLING), get(LATENCY, DropInConfig.LOGSTASH_ROLLING));
            }
        }
        if (breakdown) {
            Result c = get(STEP, DropInConfig.DROPIN_SYNC);
            verdictCpu(out, "(c) sync vs (b′) (breakdown run)", c, get(STEP, DropInConfig.LOGSTASH_SAME_LINE));
            verdictCpu(out, "(c) sync vs (b′) with logtally's ID generator (breakdown run)", c,
                    get(STEP, DropInConfig.LOGSTASH_SAME_LINE_OWN_ID));
            verdictCpu(out, "(c) sync vs (b′) with logtally's ID generator and ServiceJsonProvider (breakdown run)", c,
                    get(STEP, DropInConfig.LOGSTASH_SAME_LINE_PROVIDER));
            verdictCpu(out, "(c) sync vs (b) (breakdown run)", c, get(STEP, DropInConfig.LOGSTASH_ROLLING));
            verdictCpu(out, "(c) sync + StringMdcEntryWriter vs (b) (breakdown run)", get(STEP, DropInConfig.DROPIN_SYNC_MDC_WRITER),
                    get(STEP, DropInConfig.LOGSTASH_ROLLING));
            verdictCpu(out, "(c) sync, one scope per session, vs (b) (breakdown run)", get(STEP, DropInConfig.DROPIN_SYNC_SESSION),
                    get(STEP, DropInConfig.LOGSTASH_ROLLING));
        }
        out.append(verdictsAsyncCaller());
        if (has(LATENCY, DropInConfig.DROPIN_ASYNC)) {
            double sustained = get(LATENCY, DropInConfig.DROPIN_ASYNC).percentile("50.0");
            out.append(String.format(Locale.ROOT, "- async caller median, sustained (queue full, caller waits for the writer): %.2f µs → target < %.0f µs: %s%n",
                    sustained, MAX_ASYNC_MEDIAN_US, sustained < MAX_ASYNC_MEDIAN_US ? "MET" : "MISSED"));
        }
        return out.toString();
    }

    private void mainTable(StringBuilder out) {
        Result b = get(THROUGHPUT, DropInConfig.LOGSTASH_ROLLING);
        Result bLat = get(LATENCY, DropInConfig.LOGSTASH_ROLLING);
        Result same = get(THROUGHPUT, DropInConfig.LOGSTASH_SAME_LINE);
        Result sameLat = get(LATENCY, DropInConfig.LOGSTASH_SAME_LINE);
        out.append("| configuration | events/s | caller CPU µs/event | p50 µs | p99 µs | p99.99 µs | vs (b): CPU | vs (b): p50 "
                + "| vs (b′): CPU | vs (b′): p50 | vs (b): 1/events/s |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (DropInConfig c : MAIN) {
            if (!has(THROUGHPUT, c)) {
                continue;
            }
            Result t = get(THROUGHPUT, c);
            Result l = get(LATENCY, c);
            out.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %.2f ± %.2f | %.2f | %.2f | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    label(c), t.score(), t.error(), t.cpuNs() / 1e3, t.cpuError() / 1e3, l.percentile("50.0"),
                    l.percentile("99.0"), l.percentile("99.99"), t.cpuNs() / b.cpuNs(), l.percentile("50.0") / bLat.percentile("50.0"),
                    t.cpuNs() / same.cpuNs(), l.percentile("50.0") / sameLat.percentile("50.0"), b.score() / t.score()));
        }
    }

    private void breakdownTable(StringBuilder out) {
        out.append("\n| breakdown step (sync) | events/s | caller CPU µs/event | added by this step |\n");
        out.append("| --- | ---: | ---: | ---: |\n");
        for (int i = 0; i < BREAKDOWN.size(); i++) {
            DropInConfig c = BREAKDOWN.get(i);
            Result t = get(STEP, c);
            // Every step changes one thing in the row above, except the two that start from (c) again: the
            // session variant (replaces (c)'s per-event scope) and (b′) ((c)'s line by plain means).
            DropInConfig before = i == 0 ? null
                    : c == DropInConfig.DROPIN_SYNC_SESSION || c == DropInConfig.LOGSTASH_SAME_LINE ? DropInConfig.DROPIN_SYNC
                    : BREAKDOWN.get(i - 1);
            String added = before == null ? "" : String.format(Locale.ROOT, "%+.2f µs vs %s", (t.cpuNs() - get(STEP, before).cpuNs()) / 1e3,
                    before.name());
            out.append(String.format(Locale.ROOT, "| %s | %,.0f ± %,.0f | %.2f ± %.2f | %s |%n", label(c), t.score(), t.error(),
                    t.cpuNs() / 1e3, t.cpuError() / 1e3, added));
        }
    }

    /** The async callers' table: both async appenders under both gates (those run), and the bare queues of DropInWake. */
    String renderAsyncCaller() {
        StringBuilder out = new StringBuilder();
        out.append("| async caller, queue never full | p50 µs | p90 µs | p99 µs | p99.9 µs | mean µs |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (DropInGate g : DropInGate.values()) {
            for (DropInConfig c : ASYNC) {
                find(CALLER, g.name() + " " + c.name()).ifPresent(r -> out.append(percentileRow(g + ", " + asyncLabel(c), r)));
            }
        }
        for (String consumer : List.of("CONSUMER_WAITING", "NO_CONSUMER", "RING_POLLING")) {
            String queue = consumer.equals("RING_POLLING") ? "EventRing.put" : "ArrayBlockingQueue.put";
            find(WAKE, consumer).ifPresent(r -> out.append(percentileRow("bare " + queue + ", paced, " + consumer, r)));
        }
        return out.toString();
    }

    /** A row of the async callers' table: p50, p90, p99, p99.9 and the mean of sampled calls, in µs. */
    private static String percentileRow(String label, Result r) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label,
                r.percentile("50.0"), r.percentile("90.0"), r.percentile("99.0"), r.percentile("99.9"), r.score());
    }

    /** The async median target per appender and gate (those run). */
    String verdictsAsyncCaller() {
        StringBuilder out = new StringBuilder();
        for (DropInGate g : DropInGate.values()) {
            for (DropInConfig c : ASYNC) {
                find(CALLER, g.name() + " " + c.name()).ifPresent(r -> {
                    double p50 = r.percentile("50.0");
                    out.append(String.format(Locale.ROOT, "- async caller median (%s, %s): %.2f µs → target < %.0f µs: %s%n", g,
                            asyncLabel(c), p50, MAX_ASYNC_MEDIAN_US, p50 < MAX_ASYNC_MEDIAN_US ? "MET" : "MISSED"));
                });
            }
        }
        return out.toString();
    }

    private static String asyncLabel(DropInConfig c) {
        return c == DropInConfig.DROPIN_ASYNC ? "NeverDropAsyncAppender (drop-in)" : "Logback AsyncAppender";
    }

    private static void verdictCost(StringBuilder out, String what, Result thrpt, Result lat, Result base, Result baseLat) {
        double cpu = thrpt.cpuNs() / base.cpuNs() - 1;
        double p50 = lat.percentile("50.0") / baseLat.percentile("50.0") - 1;
        double wall = base.score() / thrpt.score() - 1;
        out.append(String.format(Locale.ROOT,
                "- %s: %+.0f%% caller CPU per event, %+.0f%% median, %+.0f%% wall time per event (1/events/s) → target ≤ %+.0f%%: %s%n",
                what, 100 * cpu, 100 * p50, 100 * wall, 100 * MAX_EXTRA_COST,
                cpu <= MAX_EXTRA_COST && p50 <= MAX_EXTRA_COST ? "MET" : "MISSED"));
    }

    private static void verdictCpu(StringBuilder out, String what, Result thrpt, Result base) {
        double cpu = thrpt.cpuNs() / base.cpuNs() - 1;
        out.append(String.format(Locale.ROOT, "- %s: %+.0f%% caller CPU → target ≤ %+.0f%%: %s%n",
                what, 100 * cpu, 100 * MAX_EXTRA_COST, cpu <= MAX_EXTRA_COST ? "MET" : "MISSED"));
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
            case DROPIN_SYNC_MDC_WRITER -> "(c) sync + StringMdcEntryWriter (proposed drop-in line)";
            case LOGSTASH_SAME_LINE -> "(b′) LogstashEncoder + rolling, (c)'s line by plain means";
            case LOGSTASH_SAME_LINE_OWN_ID -> "+ logtally's ID generator instead of UUID.randomUUID";
            case LOGSTASH_SAME_LINE_PROVIDER -> "+ service, release by ServiceJsonProvider instead of customFields";
        };
    }
}
