package dev.logtally.bench;

import dev.logtally.archive.ArchiveScan;
import dev.logtally.archive.FileJob;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Replay;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.source.ArchiveReader;
import dev.logtally.source.Line;
import dev.logtally.source.LineSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code replay} of 2,000,000 logstash-shaped lines in 4 files ({@link ReplayFiles}), plain and gzip, on
 * one and two threads, side by side in one run with two floors over the very same files and threads:
 * {@code split} (read, decompress, find lines: the source stage alone) and {@code jacksonTokens} (that plus a
 * bare Jackson streaming pass over every token of every line, nothing extracted). Scores are lines/s.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests -Djdeb.skip
 * java -jar logtally-bench/target/benchmarks.jar ReplayBenchmark -f 1 -wi 2 -i 4 -w 5s -r 10s -prof dev.logtally.bench.ReplayCpuProfiler
 * </pre>
 * ({@link ReplayCpuProfiler} adds lines per CPU-second and the cores the run got: on a shared machine the
 * wall-clock score alone cannot tell a slower replay from a busier machine.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {
    @Param({"plain", "gz"})
    public String source;

    @Param({"1", "2"})
    public int threads;

    private List<LogFile> files;
    private Options options;

    @Setup
    public void setUp() {
        List<Path> paths = source.equals("gz") ? ReplayFiles.gzip() : ReplayFiles.plain();
        files = new ArrayList<>();
        paths.forEach(p -> files.add(LogFile.of(p)));
        options = OptionsLoader.load(null, Map.of("namespace", "app", "gauges", "queue_depth"), Map.of());
        long lines = replay();
        if (lines != ReplayFiles.LINES) {
            throw new IllegalStateException("replayed " + lines + " lines, not " + ReplayFiles.LINES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ReplayFiles.LINES)
    public long replay() {
        Replay.Result r = new Replay(options, Clock.systemUTC(), threads, 0).run(files, Progress.NONE);
        if (r.failed()) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r.lines();
    }

    @Benchmark
    @OperationsPerInvocation(ReplayFiles.LINES)
    public long jacksonTokens() {
        return sum(new ArchiveScan(threads, options.lineMaxBytes(), Progress.NONE).run(files, f -> new TokenJob()).results());
    }

    @Benchmark
    @OperationsPerInvocation(ReplayFiles.LINES)
    public long split() {
        return sum(new ArchiveScan(threads, options.lineMaxBytes(), Progress.NONE).run(files, f -> new CountJob()).results());
    }

    private static long sum(List<Long> perFile) {
        long n = 0;
        for (Long l : perFile) {
            n += l;
        }
        return n;
    }

    /** Adds up line lengths: the cost of reading and splitting alone. */
    static final class CountJob implements FileJob<Long>, LineSink {
        private long bytes;

        @Override
        public void accept(Line line) {
            bytes += line.length();
        }

        @Override
        public LineSink sink() {
            return this;
        }

        @Override
        public Long finish(ArchiveReader.Result result) {
            return bytes;
        }
    }

    /** Every token of every line through a bare Jackson streaming parser. */
    static final class TokenJob implements FileJob<Long>, LineSink {
        private final JsonFactory json = new JsonFactory();
        private long tokens;

        @Override
        public void accept(Line line) {
            try (JsonParser p = json.createParser(ObjectReadContext.empty(), line.buf(), line.start(), line.length())) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens += t.id();
                }
            }
        }

        @Override
        public LineSink sink() {
            return this;
        }

        @Override
        public Long finish(ArchiveReader.Result result) {
            return tokens;
        }
    }
}
