package dev.logtally.bench;

/**
 * Reports {@link TailCpu}'s lines per CPU-second of the benchmark thread as the secondary result
 * {@value #LABEL}. Benchmarks that do not call {@link TailCpu} get none.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar TailThroughput -prof dev.logtally.bench.TailCpuProfiler
 * }</pre>
 */
public class TailCpuProfiler extends ThreadCpuProfiler {
    /** Name of the secondary result. */
    public static final String LABEL = "cpu.lines/s";

    /** Made by JMH ({@code -prof}). */
    public TailCpuProfiler() {
        super(LABEL, "lines/s", "lines per CPU-second of the benchmark thread (TailCpu)", TailCpu::take);
    }
}
