package dev.logtally.bench;

import dev.logtally.source.ArchiveReader;
import dev.logtally.source.Follower;
import dev.logtally.source.FollowerListener;
import dev.logtally.source.FollowerOptions;
import dev.logtally.source.LineSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.input.Tailer;
import org.apache.commons.io.input.TailerListenerAdapter;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lines per second read from a file of ~440-byte JSON lines already on disk (in the page cache): through
 * {@link ArchiveReader} (plain), through {@link Follower#poll(LineSink)}, and through Commons IO
 * {@code Tailer} 2.22.0 (1 ms delay, 64 KiB buffer, UTF-8, a listener counting lines; stopped when the
 * count is reached) as the baseline. One operation is one line.
 *
 * <pre>{@code
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -jar logtally-bench/target/benchmarks.jar Source -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SourceBenchmark {
    static final int LINES = 200_000;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("logtally-bench");
        file = dir.resolve("app.log");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                w.write(line(i));
                w.write('\n');
            }
        }
    }

    /** A Logback/logstash-encoder line of about 440 bytes. */
    static String line(int i) {
        String base = String.format("{\"@timestamp\":\"2026-11-24T10:%02d:%02d.%03dZ\",\"@version\":\"1\","
                + "\"message\":\"GET /api/orders/%d completed\",\"logger_name\":\"com.example.orders.OrderController\","
                + "\"thread_name\":\"http-nio-8080-exec-%d\",\"level\":\"INFO\",\"level_value\":20000,"
                + "\"correlation_id\":\"%08x-4b1e-4c2a-9f3d-%012x\",\"service\":\"orders\",\"release\":\"1.4.2\","
                + "\"method\":\"OrderController.get\",\"duration_ms\":%d,\"queue_depth\":%d",
                (i / 60000) % 60, (i / 1000) % 60, i % 1000, i, i % 200, i, (long) i * 7919, i % 900, i % 50);
        StringBuilder sb = new StringBuilder(base);
        sb.append(",\"note\":\"");
        while (sb.length() < 437) {
            sb.append('x');
        }
        return sb.append("\"}").toString();
    }

    @TearDown(Level.Trial)
    public void deleteFile() {
        TempDirs.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long archiveReader(Blackhole bh) throws IOException {
        return new ArchiveReader(1 << 20).read(file, line -> bh.consume(line.length())).lines();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long followerPoll(Blackhole bh) {
        long[] lines = {0};
        LineSink sink = line -> {
            lines[0]++;
            bh.consume(line.length());
        };
        try (Follower f = Follower.firstStart(FollowerOptions.of(List.of(file.toString())), FollowerListener.NONE)) {
            while (lines[0] < LINES) {
                f.poll(sink);
            }
        }
        return lines[0];
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long commonsIoTailer(Blackhole bh) throws Exception {
        CountDownLatch all = new CountDownLatch(1);
        long[] lines = {0};
        TailerListenerAdapter listener = new TailerListenerAdapter() {
            @Override
            public void handle(String line) {
                bh.consume(line);
                if (++lines[0] == LINES) {
                    all.countDown();
                }
            }
        };
        Tailer tailer = Tailer.builder().setPath(file).setCharset(StandardCharsets.UTF_8).setBufferSize(64 * 1024)
                .setDelayDuration(Duration.ofMillis(1)).setTailFromEnd(false).setTailerListener(listener).get();
        try {
            if (!all.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Tailer delivered " + lines[0] + " of " + LINES + " lines");
            }
        } finally {
            tailer.close();
        }
        return lines[0];
    }
}
