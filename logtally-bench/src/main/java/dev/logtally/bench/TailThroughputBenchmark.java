package dev.logtally.bench;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.pipeline.Pipeline;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.Follower;
import dev.logtally.source.FollowerListener;
import dev.logtally.source.LineSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Issue 3's throughput target: lines per second of the tail pipeline over a file already on disk (in the
 * page cache), one thread, side by side in one run with a bare Jackson streaming pass over the same file.
 * The file ({@link TailLogFile}, 100,000 drop-in-shaped lines, mean ≈ 440 B, 5% errors with 1–2 KB stack
 * traces) is written once per trial. One operation is one line.
 *
 * <ul>
 *   <li>{@code a_bareJackson}: the floor: read the file in 64 KiB chunks, split at {@code \n}, one Jackson
 *       parser per line, {@code nextToken()} to the end, nothing extracted.</li>
 *   <li>{@code b_tailPipeline}: what {@code logtally tail} does catching up: a fresh {@link FollowPipeline}
 *       (state directory locked, first-start checkpoint written) polled until the whole file is read, then
 *       closed; the tailer's configuration (namespace, two gauges).</li>
 *   <li>{@code c_replayPipeline}: {@link ArchiveReader} feeding a fresh {@link Pipeline} (the replay path).</li>
 *   <li>{@code d_followerOnly}: the source stage alone ({@link Follower#poll} into a sink that only counts):
 *       what the source costs of (b).</li>
 * </ul>
 * Before measuring, each pipeline's totals are checked against the file's exact totals
 * ({@link TailLogFile#check}), so a faster but wrong pipeline fails the run.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -jar logtally-bench/target/benchmarks.jar TailThroughput -f 1 -wi 5 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class TailThroughputBenchmark {
    static final int LINES = 100_000;
    static final long SEED = 20261124L;

    private Path dir;
    private TailLogFile log;
    private JsonFactory json;
    private Path stateDir;
    private int invocation;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("logtally-tail-bench");
        log = TailLogFile.write(dir.resolve("app.log"), LINES, SEED);
        json = new JsonFactory();
        // The pipeline logs each first start at INFO; Logback's default configuration would print it per invocation.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.logtally"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("%n%s%n", log.describe());
        // Prove both pipelines count exactly what the file holds before timing them.
        Path checkState = dir.resolve("check-state");
        try (FollowPipeline fp = FollowPipeline.open(options(checkState), Clock.systemUTC())) {
            long read = 0;
            while (read < log.bytes()) {
                read += fp.poll();
            }
            log.check(fp.checkpoint());
        }
        Pipeline p = Pipeline.create(options(checkState), Clock.systemUTC());
        new ArchiveReader(1 << 20).read(log.file(), p);
        log.check(p.snapshot());
    }

    @Setup(Level.Invocation)
    public void freshStateDir() {
        stateDir = dir.resolve("state-" + invocation++);
    }

    @TearDown(Level.Invocation)
    public void deleteStateDir() {
        TempDirs.delete(stateDir);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() {
        TempDirs.delete(dir);
    }

    Options options(Path state) {
        return OptionsLoader.load(null, Map.of(
                "paths", log.file().toString(),
                "state.dir", state.toString(),
                "namespace", TailLines.NS,
                "gauges", String.join(",", TailLines.GAUGES),
                "listen", "127.0.0.1:0"), Map.of());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long a_bareJackson(Blackhole bh) throws IOException {
        long cpu = TailCpu.now();
        byte[] buf = new byte[1 << 20];
        int start = 0;
        int limit = 0;
        long lines = 0;
        try (FileChannel ch = FileChannel.open(log.file(), StandardOpenOption.READ)) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf);
            while (true) {
                if (buf.length - limit < 1 << 16) {
                    System.arraycopy(buf, start, buf, 0, limit - start);
                    limit -= start;
                    start = 0;
                }
                bb.limit(limit + (1 << 16)).position(limit);
                int n = ch.read(bb);
                if (n < 0) {
                    break;
                }
                int scan = limit;
                limit += n;
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int tokens = 0;
                        try (JsonParser p = json.createParser(ObjectReadContext.empty(), buf, start, i - start)) {
                            JsonToken t;
                            while ((t = p.nextToken()) != null) {
                                tokens += t.id();
                            }
                        }
                        bh.consume(tokens);
                        lines++;
                        start = i + 1;
                    }
                }
            }
        }
        TailCpu.add(LINES, cpu);
        return expectLines(lines);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long b_tailPipeline() {
        long cpu = TailCpu.now();
        long read = 0;
        try (FollowPipeline fp = FollowPipeline.open(options(stateDir), Clock.systemUTC())) {
            while (read < log.bytes()) {
                read += fp.poll();
            }
        }
        TailCpu.add(LINES, cpu);
        return read;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long c_replayPipeline() throws IOException {
        long cpu = TailCpu.now();
        Pipeline p = Pipeline.create(options(stateDir), Clock.systemUTC());
        long lines = new ArchiveReader(1 << 20).read(log.file(), p).lines();
        TailCpu.add(LINES, cpu);
        return expectLines(lines);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long d_followerOnly(Blackhole bh) {
        long[] lines = {0};
        LineSink sink = line -> {
            lines[0]++;
            bh.consume(line.length());
        };
        long cpu = TailCpu.now();
        long read = 0;
        try (Follower f = Follower.firstStart(Pipeline.followerOptions(options(stateDir), Clock.systemUTC()),
                FollowerListener.NONE)) {
            while (read < log.bytes()) {
                read += f.poll(sink);
            }
        }
        TailCpu.add(LINES, cpu);
        return expectLines(lines[0]);
    }

    private static long expectLines(long lines) {
        if (lines != LINES) {
            throw new IllegalStateException(lines + " lines read, expected " + LINES);
        }
        return lines;
    }
}
