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
 * Reports {@link DropInCallerCpu}'s figure as the secondary result {@value #LABEL}, averaged over the
 * iterations (JMH's own auxiliary counters would sum a per-event figure over them). Benchmarks that do not
 * use {@link DropInCallerCpu} get no such result.
 *
 * <pre>{@code
 * java -jar target/benchmarks.jar DropIn -prof dev.logtally.bench.DropInCpuProfiler
 * }</pre>
 */
public class DropInCpuProfiler implements InternalProfiler {
    /** Name of the secondary result. */
    public static final String LABEL = "cpu.ns/event";

    @Override
    public String getDescription() {
        return "CPU time of the logging thread per event (DropInCallerCpu)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        DropInCallerCpu.take();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        double nanos = DropInCallerCpu.take();
        return Double.isNaN(nanos) ? List.of() : List.of(new ScalarResult(LABEL, nanos, "ns", AggregationPolicy.AVG));
    }
}
