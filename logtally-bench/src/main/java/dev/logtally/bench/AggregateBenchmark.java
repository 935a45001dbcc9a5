package dev.logtally.bench;

import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.parse.Event;
import dev.logtally.state.Checkpoint;
import dev.logtally.state.CheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The aggregate stage's costs: ns per {@link Aggregator#apply} for a realistic event mix (5% errors over 5
 * types and 2 services, 60% timed over 4 methods, 2 gauges present in 30% of events), and the time to take
 * a snapshot of ~500 series and save it as a checkpoint (fsync included).
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -jar logtally-bench/target/benchmarks.jar Aggregate -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>{@code apply} reuses its events, so label strings have their hash cached after the first pass (as when a
 * parser hands out canonical strings). {@code applyFreshStrings} decodes the label strings from bytes for
 * every event, as a parser that allocates does; {@code makeFreshEvents} is that decoding alone, to subtract.
 */
public class AggregateBenchmark {
    static final int EVENTS = 4096;

    @State(Scope.Thread)
    public static class Mix {
        Aggregator aggregator;
        Event[] events;
        byte[][][] labelBytes; // per event: level, errorType, service, method (null when absent)
        double[] durations;
        double[][] gauges;

        @Setup
        public void setUp() {
            AggregatorOptions options = AggregatorOptions.defaults("app").withGauges(List.of("queue_depth", "pool_used"));
            aggregator = new Aggregator(options, new SelfMetrics("bench", Clock.systemUTC()));
            Random r = new Random(7);
            String[] types = {"connection_timeout", "db_error", "NullPointerException", "rate_limited", "unknown_host"};
            String[] services = {"api", "worker"};
            String[] methods = {"GET /orders", "POST /orders", "GET /users/{id}", "payment.charge"};
            events = new Event[EVENTS];
            labelBytes = new byte[EVENTS][][];
            durations = new double[EVENTS];
            gauges = new double[EVENTS][];
            for (int i = 0; i < EVENTS; i++) {
                boolean error = r.nextInt(100) < 5;
                boolean timed = r.nextInt(100) < 60;
                String level = error ? "ERROR" : "INFO";
                String type = error ? types[r.nextInt(types.length)] : null;
                String service = services[r.nextInt(services.length)];
                String method = timed ? methods[r.nextInt(methods.length)] : null;
                double ms = timed ? Math.exp(r.nextGaussian() * 1.5 + 3) : Double.NaN;
                double[] g = r.nextInt(100) < 30 ? new double[] {r.nextInt(500), r.nextDouble()}
                        : new double[] {Double.NaN, Double.NaN};
                events[i] = event(level, type, service, method, ms, g);
                labelBytes[i] = new byte[][] {bytes(level), bytes(type), bytes(service), bytes(method)};
                durations[i] = ms;
                gauges[i] = g;
            }
            for (Event e : events) { // create every series: the steady state
                aggregator.apply(e);
            }
        }

        Event fresh(int i) {
            byte[][] b = labelBytes[i];
            return event(string(b[0]), string(b[1]), string(b[2]), string(b[3]), durations[i], gauges[i]);
        }

        private static byte[] bytes(String s) {
            return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
        }

        private static String string(byte[] b) {
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }
    }

    static Event event(String level, String type, String service, String method, double ms, double[] gauges) {
        return new Event(Event.NO_TIME, level, service, null, type, null, method, ms, gauges, null, null, null, null, null, null, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(EVENTS)
    public void apply(Mix m) {
        Event[] events = m.events;
        Aggregator agg = m.aggregator;
        for (int i = 0; i < events.length; i++) {
            agg.apply(events[i]);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(EVENTS)
    public void applyFreshStrings(Mix m) {
        Aggregator agg = m.aggregator;
        for (int i = 0; i < EVENTS; i++) {
            agg.apply(m.fresh(i));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(EVENTS)
    public void makeFreshEvents(Mix m, Blackhole bh) {
        for (int i = 0; i < EVENTS; i++) {
            bh.consume(m.fresh(i));
        }
    }

    /** An aggregator holding ~500 series, and a state dir to save into. */
    @State(Scope.Thread)
    public static class FiveHundredSeries {
        Aggregator aggregator;
        SelfMetrics self;
        CheckpointStore store;
        Path dir;
        int series;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            self = new SelfMetrics("bench", Clock.systemUTC());
            List<String> gauges = List.of("g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9");
            aggregator = new Aggregator(AggregatorOptions.defaults("app").withGauges(gauges), self);
            Random r = new Random(11);
            double[] g = new double[10];
            for (int i = 0; i < 10; i++) {
                g[i] = r.nextDouble() * 1000;
            }
            aggregator.apply(event("INFO", null, null, null, Double.NaN, g));
            for (int t = 0; t < 100; t++) {           // 400 error series
                for (int s = 0; s < 4; s++) {
                    aggregator.apply(event("ERROR", "type" + t, "svc" + s, null, Double.NaN, null));
                }
            }
            for (int m = 0; m < 90; m++) {            // 90 histograms of 12 buckets
                for (int k = 0; k < 50; k++) {
                    aggregator.apply(event("INFO", null, null, "method" + m, Math.exp(r.nextGaussian() * 2 + 3), null));
                }
            }
            MetricSnapshot s = aggregator.snapshot();
            series = s.families().stream().mapToInt(f -> f.series().size()).sum();
            if (series != 500) {
                throw new IllegalStateException("expected 500 series, got " + series);
            }
            dir = Files.createTempDirectory("logtally-bench-state");
            store = CheckpointStore.open(dir);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            store.close();
            TempDirs.delete(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MetricSnapshot snapshot500(FiveHundredSeries s) {
        return Snapshots.combine(s.aggregator.snapshot(), s.self.checkpointed());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void snapshotAndSave500(FiveHundredSeries s) {
        s.store.save(Checkpoint.of(System.currentTimeMillis(), "app", List.of(),
                Snapshots.combine(s.aggregator.snapshot(), s.self.checkpointed())));
    }
}
