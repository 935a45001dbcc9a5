package dev.logtally.bench;

import dev.logtally.pipeline.GroupFeed;
import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.source.ArchiveReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 11's throughput figure on a shared, noisy machine: the pipeline the tailer runs over the same file
 * ({@link TailLogFile}: 100,000 lines, 5% ERROR with 1–2 KB stack traces), without and with the error groups
 * ({@link GroupFeed} into live {@link ErrorGroups}), alternating A/B in one JVM (the order swapped every pair),
 * timed by the thread's CPU time so that other processes' load counts less. Prints the median lines per CPU
 * second of each and the median of the per-pair ratios (with/without). {@link ErrorGroupsThroughputBenchmark}
 * is the JMH form of the same two.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests -Djdeb.skip
 * flock /tmp/jmh.lock java -Xmx512m -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.ErrorGroupsThroughputBench 40
 * </pre>
 */
public final class ErrorGroupsThroughputBench {
    private ErrorGroupsThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.logtally"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("logtally-groups-bench");
        try {
            TailLogFile log = TailLogFile.write(dir.resolve("app.log"), 100_000, TailThroughputBenchmark.SEED);
            Options options = OptionsLoader.load(null, Map.of("paths", log.file().toString(), "namespace", TailLines.NS,
                    "gauges", String.join(",", TailLines.GAUGES), "alertmanager.url", "http://127.0.0.1:9"), Map.of());
            System.out.println(log.describe());
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 15; i++) {
                run(log, options, false, cpu);
                run(log, options, true, cpu);
            }
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                double a;
                double b;
                if (i % 2 == 0) {
                    a = run(log, options, false, cpu);
                    b = run(log, options, true, cpu);
                } else {
                    b = run(log, options, true, cpu);
                    a = run(log, options, false, cpu);
                }
                without.add(a);
                with.add(b);
                ratios.add(b / a);
            }
            System.out.printf("without groups: median %,.0f lines/CPU-s%n", median(without));
            System.out.printf("with groups:    median %,.0f lines/CPU-s%n", median(with));
            System.out.printf("ratio with/without: median %.3f (pairs: %d; quartiles %.3f..%.3f)%n", median(ratios),
                    pairs, quantile(ratios, 0.25), quantile(ratios, 0.75));
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Lines per CPU second of one pass over the file. */
    private static double run(TailLogFile log, Options options, boolean groups, ThreadMXBean cpu) throws Exception {
        ErrorGroups g = ErrorGroups.live(options.metrics().errorLevels(), options.errorGroups(), Clock.systemUTC(), true);
        Pipeline p = groups
                ? Pipeline.create(options, Clock.systemUTC(), Pipeline.EventTap.NONE, new GroupFeed(g))
                : Pipeline.create(options, Clock.systemUTC());
        long t0 = cpu.getCurrentThreadCpuTime();
        long lines = new ArchiveReader(1 << 20).read(log.file(), p).lines();
        long t1 = cpu.getCurrentThreadCpuTime();
        if (groups && g.size() == 0) {
            throw new IllegalStateException("no groups counted");
        }
        return lines / ((t1 - t0) / 1e9);
    }

    private static double median(List<Double> v) {
        return quantile(v, 0.5);
    }

    private static double quantile(List<Double> v, double q) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get((int) Math.min(s.size() - 1, Math.round(q * (s.size() - 1))));
    }
}
