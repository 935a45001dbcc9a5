package dev.logtally.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * For throughput benchmarks whose work runs on threads of their own (replay's reading pool): the score per
 * CPU-second of the whole benchmark process ({@value #PER_CPU}: score × wall time ÷ process CPU time, user +
 * system, JIT and GC included) and the cores it had on average ({@value #CORES}: CPU time ÷ wall time). On
 * a shared VM the wall-clock score falls when other programs take the cores; the first figure does not, and
 * the second shows how many cores the run got. Benchmarks in other modes get neither.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar ReplayBenchmark -prof dev.logtally.bench.ReplayCpuProfiler
 * }</pre>
 */
public class ReplayCpuProfiler implements InternalProfiler {
    /** Name of the secondary result: lines per CPU-second. */
    public static final String PER_CPU = "cpu.lines/s";
    /** Name of the secondary result: cores used on average. */
    public static final String CORES = "cpu.cores";

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long cpu0;
    private long wall0;

    @Override
    public String getDescription() {
        return "score per CPU-second of the process, and cores used";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wall0 = System.nanoTime();
        cpu0 = OS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = OS.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (cpu <= 0 || wall <= 0 || benchmarkParams.getMode() != Mode.Throughput) {
            return List.of();
        }
        double score = result.getPrimaryResult().getScore();
        return List.of(
                new ScalarResult(PER_CPU, score * wall / cpu, "lines/s", AggregationPolicy.AVG),
                new ScalarResult(CORES, (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }
}
