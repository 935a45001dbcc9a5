package dev.logtally.bench;

/**
 * Reports {@link DropInCallerCpu}'s figure, the logging thread's CPU nanoseconds per event, as the
 * secondary result {@value #LABEL}. Benchmarks that do not use {@link DropInCallerCpu} get no such result.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropIn -prof dev.logtally.bench.DropInCpuProfiler
 * }</pre>
 */
public class DropInCpuProfiler extends ThreadCpuProfiler {
    /** Name of the secondary result. */
    public static final String LABEL = "cpu.ns/event";

    /** Made by JMH ({@code -prof}). */
    public DropInCpuProfiler() {
        super(LABEL, "ns", "CPU time of the logging thread per event (DropInCallerCpu)", DropInCallerCpu::take);
    }
}
