package dev.logtally.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the source stage's newline search costs per line, and what a word-at-a-time search would: a finding
 * for the source stage (issue 3's profile shows {@code LineSplitter.scan}'s byte loop as the largest single
 * cost of the tail pipeline once parsing is fast). Both count the {@code \n} of the
 * {@link TailThroughputBenchmark}'s file held in memory; one operation is one line.
 *
 * <pre>
 * java -jar logtally-bench/target/benchmarks.jar TailNewline -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TailNewlineBenchmark {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private byte[] content;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path dir = Files.createTempDirectory("logtally-newline-bench");
        Path file = dir.resolve("app.log");
        TailLogFile.write(file, TailThroughputBenchmark.LINES, TailThroughputBenchmark.SEED);
        content = Files.readAllBytes(file);
        Files.delete(file);
        Files.delete(dir);
    }

    /** The loop {@code LineSplitter.scan} runs: one byte per step. */
    @Benchmark
    @OperationsPerInvocation(TailThroughputBenchmark.LINES)
    public int bytewise() {
        final byte[] b = content;
        int lines = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        return check(lines);
    }

    /** Eight bytes per step: the first {@code \n} of a word is its lowest marked byte. */
    @Benchmark
    @OperationsPerInvocation(TailThroughputBenchmark.LINES)
    public int wordwise() {
        final byte[] b = content;
        int lines = 0;
        int i = 0;
        while (i < b.length) {
            int nl = -1;
            while (i + 8 <= b.length) {
                long x = (long) LONGS.get(b, i) ^ NEWLINES;
                long m = (x - ONES) & ~x & HIGH_BITS;
                if (m != 0) {
                    nl = i + (Long.numberOfTrailingZeros(m) >>> 3);
                    break;
                }
                i += 8;
            }
            if (nl < 0) {
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
                if (i == b.length) {
                    break;
                }
                nl = i;
            }
            lines++;
            i = nl + 1;
        }
        return check(lines);
    }

    private static int check(int lines) {
        if (lines != TailThroughputBenchmark.LINES) {
            throw new IllegalStateException(lines + " lines, expected " + TailThroughputBenchmark.LINES);
        }
        return lines;
    }
}
