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
 * Where the drop-in's extra cost over plain LogstashEncoder (b) goes: synchronous throughput of (b) with
 * one addition at a time, up to the drop-in itself. Read each row against the one before it:
 * <ol>
 *   <li>{@code LOGSTASH_ROLLING}: (b), plain arguments;</li>
 *   <li>{@code LOGSTASH_TIMED_POJO}: + {@code method} and {@code duration_ms} as
 *       {@code StructuredArguments.value} fields (Jackson databind per value);</li>
 *   <li>{@code LOGSTASH_TIMED}: the same two fields as {@code Timing.record} writes them;</li>
 *   <li>{@code LOGSTASH_TIMED_SCOPED}: + a correlation scope per event ({@code correlation_id} in the MDC);</li>
 *   <li>{@code DROPIN_SYNC}: the drop-in's encoder instead of (b)'s ({@code service}, {@code release},
 *       stack hash and shortened stack traces).</li>
 * </ol>
 * then {@code DROPIN_SYNC_MDC_WRITER}: (c) with the encoder line proposed for the drop-in
 * ({@code StringMdcEntryWriter}), and {@code DROPIN_SYNC_SESSION}: the drop-in with one correlation scope around all events instead of one
 * per event (read it against {@code DROPIN_SYNC}); {@code LOGSTASH_SAME_LINE} (b′): (c)'s line by plain
 * logstash-logback-encoder means with a {@code UUID.randomUUID()} ID, then back towards (c) one thing at a
 * time: {@code LOGSTASH_SAME_LINE_OWN_ID} takes logtally's ID generator, {@code LOGSTASH_SAME_LINE_PROVIDER}
 * also writes {@code service} and {@code release} with logtally's provider instead of {@code customFields}
 * (what is left between it and {@code DROPIN_SYNC}: the scope instead of bare MDC calls, {@code JsonField}
 * instead of {@code StructuredArguments.value}, the stack-hash provider and throwable converter).
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropInBreakdown -prof dev.logtally.bench.DropInCpuProfiler
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DropInBreakdownBenchmark extends DropInBenchmarkBase {
    /** The step under test. */
    @Param({"LOGSTASH_ROLLING", "LOGSTASH_TIMED_POJO", "LOGSTASH_TIMED", "LOGSTASH_TIMED_SCOPED", "DROPIN_SYNC",
            "DROPIN_SYNC_MDC_WRITER", "DROPIN_SYNC_SESSION", "LOGSTASH_SAME_LINE", "LOGSTASH_SAME_LINE_OWN_ID", "LOGSTASH_SAME_LINE_PROVIDER"})
    public DropInConfig config;

    @Override
    DropInConfig config() {
        return config;
    }

    /** Events per second, one thread logging back to back; with the profiler, its CPU time per event. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void step(DropInCallerCpu cpu) {
        logging.emit();
        cpu.counted();
    }
}
