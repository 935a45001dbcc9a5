package dev.logtally.bench;

import java.util.Collection;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Turns a per-iteration figure that a benchmark measured from its own thread's CPU time into a JMH
 * secondary result, averaged over the iterations (JMH's own auxiliary counters would sum a per-event
 * figure over them). The figure is taken, and so reset, before and after each iteration; a benchmark that
 * publishes none (NaN) gets no result. {@link DropInCpuProfiler} and {@link TailCpuProfiler} are the two
 * figures; a subclass names its figure and where to take it from.
 *
 * <pre>{@code
 * public class MyCpuProfiler extends ThreadCpuProfiler {
 *     public MyCpuProfiler() {
 *         super("cpu.ns/op", "ns", "CPU time of the benchmark thread per operation", MyCpu::take);
 *     }
 * }
 * // java -jar logtally-bench/target/benchmarks.jar My -prof dev.logtally.bench.MyCpuProfiler
 * }</pre>
 */
public abstract class ThreadCpuProfiler implements InternalProfiler {
    private final String label;
    private final String unit;
    private final String description;
    private final DoubleSupplier take;

    /** A profiler reporting {@code take}'s figure as {@code label} in {@code unit}. */
    protected ThreadCpuProfiler(String label, String unit, String description, DoubleSupplier take) {
        this.label = label;
        this.unit = unit;
        this.description = description;
        this.take = take;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        take.getAsDouble();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double value = take.getAsDouble();
        return Double.isNaN(value) ? List.of() : List.of(new ScalarResult(label, value, unit, AggregationPolicy.AVG));
    }
}
