package dev.logtally.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures the CPU time the logging thread itself spends per event (user + system, from
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}), iteration by iteration; {@link DropInCpuProfiler} turns
 * it into a JMH result. Unlike events/s it leaves out the time the thread waits for a core, so on a shared,
 * busy machine it is the steadier measure of what an event costs its caller. It also leaves out what other
 * threads do for the event (the async worker, gzip compression at rollover) and the time a caller is
 * blocked on a full queue.
 *
 * <pre>{@code
 * @Benchmark
 * public void throughput(DropInCallerCpu cpu) {
 *     logging.emit();
 *     cpu.counted();
 * }
 * // java -jar logtally-bench/target/benchmarks.jar DropIn -prof dev.logtally.bench.DropInCpuProfiler
 * }</pre>
 */
@State(Scope.Thread)
public class DropInCallerCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU nanoseconds per event of the iteration that ended last; NaN before the first one ends. */
    private static volatile double lastNanosPerEvent = Double.NaN;

    private long events;
    private long startCpu;

    /** Starts the iteration's count and CPU clock. */
    @Setup(Level.Iteration)
    public void start() {
        events = 0;
        startCpu = THREADS.getCurrentThreadCpuTime();
    }

    /** Ends the iteration: publishes this thread's CPU nanoseconds per event. */
    @TearDown(Level.Iteration)
    public void stop() {
        lastNanosPerEvent = (double) (THREADS.getCurrentThreadCpuTime() - startCpu) / events;
    }

    /** Counts one event. */
    public void counted() {
        events++;
    }

    /** Takes the published figure of the iteration that just ended (NaN if none). */
    static double take() {
        double value = lastNanosPerEvent;
        lastNanosPerEvent = Double.NaN;
        return value;
    }
}
