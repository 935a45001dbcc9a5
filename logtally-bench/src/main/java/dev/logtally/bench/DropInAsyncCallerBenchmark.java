package dev.logtally.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2's async target: the caller's cost per event through the drop-in's {@code LOGTALLY} appender when
 * the queue has room, i.e. at a rate the file writer sustains. Before each event a {@link DropInGate} waits
 * (outside the measured time) so that the queue never fills; JMH samples the time of single calls.
 * The sustained, queue-full case is {@link DropInBenchmark} with {@code DROPIN_ASYNC}. {@code config} picks
 * the async appender: the drop-in's {@code NeverDropAsyncAppender} ({@code DROPIN_ASYNC}) or Logback's
 * {@code AsyncAppender} as the drop-in used it before ({@code DROPIN_ASYNC_LOGBACK}), side by side in one run.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropInAsyncCaller -f 1 -wi 3 -i 5 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DropInAsyncCallerBenchmark {
    /** How events are spaced. */
    @Param
    public DropInGate gate;

    /** Which async appender: the drop-in as shipped, or Logback's AsyncAppender in its place. */
    @Param({"DROPIN_ASYNC", "DROPIN_ASYNC_LOGBACK"})
    public DropInConfig config;

    private DropInLogging logging;
    private DropInGate.Queue queue;

    /** Configures the drop-in with the chosen async appender in a new temporary directory. */
    @Setup(Level.Trial)
    public void start() {
        logging = DropInLogging.start(config);
        queue = logging.asyncQueue();
    }

    /** Waits until the next event may be logged; not measured. */
    @Setup(Level.Invocation)
    public void waitForTurn() {
        gate.await(queue);
    }

    /** Stops the drop-in, checks that every event is on disk as expected, deletes the files. */
    @TearDown(Level.Trial)
    public void finish() {
        System.out.println("[DropIn] " + gate + " " + config + " " + logging.finish());
    }

    /** The caller's time for one event that finds room in the queue. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void asyncCaller() {
        logging.emit();
    }
}
