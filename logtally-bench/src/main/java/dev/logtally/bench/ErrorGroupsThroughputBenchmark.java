package dev.logtally.bench;

import dev.logtally.pipeline.GroupFeed;
import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.source.ArchiveReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Issue 11's throughput target: what the tailer's error groups add per line. The same file as
 * {@link TailThroughputBenchmark} ({@link TailLogFile}: 100,000 drop-in-shaped lines, 5% ERROR with 1–2 KB
 * stack traces), read from the page cache by one thread into the pipeline the tailer runs, in one run:
 *
 * <ul>
 *   <li>{@code a_withoutGroups}: the pipeline as before issue 11 (parse, count), no error groups.</li>
 *   <li>{@code b_withGroups}: the same pipeline with the tailer's {@link GroupFeed} into live
 *       {@link ErrorGroups} (every error line read once more for its texts and counted into its group).</li>
 * </ul>
 * The source stage (the follower) is the same in both and left out, so the ratio b/a is a lower bound of
 * the tail's ratio. One operation is one line.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests -Djdeb.skip
 * flock /tmp/jmh.lock java -jar logtally-bench/target/benchmarks.jar ErrorGroupsThroughput -f 2 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx512m"})
@Threads(1)
public class ErrorGroupsThroughputBenchmark {
    static final int LINES = 100_000;

    private Path dir;
    private TailLogFile log;
    private Options options;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("logtally-groups-bench");
        log = TailLogFile.write(dir.resolve("app.log"), LINES, TailThroughputBenchmark.SEED);
        options = OptionsLoader.load(null, Map.of(
                "paths", log.file().toString(),
                "state.dir", dir.resolve("state").toString(),
                "namespace", TailLines.NS,
                "gauges", String.join(",", TailLines.GAUGES),
                "listen", "127.0.0.1:0",
                "alertmanager.url", "http://127.0.0.1:9"), Map.of());
        System.out.printf("%n%s%n", log.describe());
        ErrorGroups groups = live();
        Pipeline p = Pipeline.create(options, Clock.systemUTC(), Pipeline.EventTap.NONE, new GroupFeed(groups));
        new ArchiveReader(1 << 20).read(log.file(), p);
        log.check(p.snapshot());
        System.out.printf("%d error groups%n", groups.size());
    }

    @TearDown(Level.Trial)
    public void deleteFiles() {
        TempDirs.delete(dir);
    }

    private ErrorGroups live() {
        return ErrorGroups.live(options.metrics().errorLevels(), options.errorGroups(), Clock.systemUTC(), true);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long a_withoutGroups() throws IOException {
        Pipeline p = Pipeline.create(options, Clock.systemUTC());
        return new ArchiveReader(1 << 20).read(log.file(), p).lines();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long b_withGroups() throws IOException {
        ErrorGroups groups = live();
        Pipeline p = Pipeline.create(options, Clock.systemUTC(), Pipeline.EventTap.NONE, new GroupFeed(groups));
        return new ArchiveReader(1 << 20).read(log.file(), p).lines() + groups.size();
    }
}
