package dev.logtally.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2: the cost of logging one timed event through (a) a FileAppender with a pattern layout, (b) plain
 * LogstashEncoder with rolling, (b′) the same writing (c)'s line content by plain logstash-logback-encoder
 * means ({@link DropInEvent#plainSameLine}), (c) the logtally drop-in, synchronous and asynchronous; one thread logging
 * as fast as it can. {@link #throughput} gives events/s, {@link #latency} the caller-side time per event
 * (JMH samples single calls: p50, p99).
 *
 * <p>Asynchronous (c) here is the sustained case: the caller outruns the file writer, the never-discarding
 * queue fills, and the caller waits for room, so its figures are bounded by the writer (on purpose: the
 * drop-in never drops). The caller's cost while the queue has room is {@link DropInAsyncCallerBenchmark}.
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropIn -prof dev.logtally.bench.DropInCpuProfiler -rf json -rff target/dropin.json
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DropInBenchmark extends DropInBenchmarkBase {
    /** The configuration under test. */
    @Param({"FILE_PATTERN", "LOGSTASH_ROLLING", "LOGSTASH_SAME_LINE", "DROPIN_SYNC", "DROPIN_SYNC_MDC_WRITER", "DROPIN_ASYNC"})
    public DropInConfig config;

    @Override
    DropInConfig config() {
        return config;
    }

    /** Events per second, one thread logging back to back. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput(DropInCallerCpu cpu) {
        logging.emit();
        cpu.counted();
    }

    /** The caller's time per event, sampled call by call. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void latency() {
        logging.emit();
    }
}
