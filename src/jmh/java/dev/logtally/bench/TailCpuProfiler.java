package dev.logtally.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports {@link TailCpu}'s lines per CPU-second of the benchmark thread as the secondary result
 * {@value #LABEL}, averaged over the iterations. Benchmarks that do not call {@link TailCpu} get none.
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar TailThroughput -prof dev.logtally.bench.TailCpuProfiler
 * }</pre>
 */
public class TailCpuProfiler implements InternalProfiler {
    /** Name of the secondary result. */
    public static final String LABEL = "cpu.lines/s";

    @Override
    public String getDescription() {
        return "lines per CPU-second of the benchmark thread (TailCpu)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        TailCpu.take();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double v = TailCpu.take();
        return Double.isNaN(v) ? List.of() : List.of(new ScalarResult(LABEL, v, "lines/s", AggregationPolicy.AVG));
    }
}
