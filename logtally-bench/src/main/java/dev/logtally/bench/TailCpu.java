package dev.logtally.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time (user + system, {@link ThreadMXBean#getCurrentThreadCpuTime()}) the benchmark thread spends
 * per line, summed over an iteration's invocations; {@link TailCpuProfiler} turns it into the JMH result
 * {@value TailCpuProfiler#LABEL}. "Lines/s on one core" is lines per CPU-second of the one thread that does
 * all the work: unlike wall-clock lines/s it leaves out the time the thread waits for a core, so on this
 * shared, busy machine it is the figure that says what a line costs. (GC and JIT threads are not counted;
 * run with {@code -prof gc} to see that the per-line path allocates next to nothing.)
 *
 * <pre>{@code
 * long t0 = TailCpu.now();
 * ... read 100,000 lines ...
 * TailCpu.add(100_000, t0);
 * // java -jar logtally-bench/target/benchmarks.jar TailThroughput -prof dev.logtally.bench.TailCpuProfiler
 * }</pre>
 */
public final class TailCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long lines;
    private static long nanos;

    private TailCpu() {
    }

    /** This thread's CPU time now, in nanoseconds. */
    public static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Adds {@code count} lines that took this thread's CPU from {@code startNanos} until now. */
    public static synchronized void add(long count, long startNanos) {
        nanos += now() - startNanos;
        lines += count;
    }

    /** Lines per CPU-second since the last call (NaN if nothing was added), and starts over. */
    static synchronized double take() {
        double v = nanos == 0 ? Double.NaN : lines * 1e9 / nanos;
        lines = 0;
        nanos = 0;
        return v;
    }
}
