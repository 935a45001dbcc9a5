package dev.logtally.bench;

import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Trace;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code trace} of one correlation ID across the 2,000,000 lines of {@link ReplayFiles} (about 1 GB of
 * content), plain and gzip, on one and two threads: seconds per trace. The ID is on one line; every other
 * line is skipped by the byte search without being parsed. {@link ReplayBenchmark#split} on the same files
 * is the floor (reading, decompressing, finding lines).
 *
 * <pre>
 * java -jar logtally-bench/target/benchmarks.jar TraceBenchmark -f 1 -wi 2 -i 4 -w 5s -r 10s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TraceBenchmark {
    @Param({"plain", "gz"})
    public String source;

    @Param({"1", "2"})
    public int threads;

    private List<LogFile> files;
    private Trace trace;

    @Setup
    public void setUp() {
        List<Path> paths = source.equals("gz") ? ReplayFiles.gzip() : ReplayFiles.plain();
        files = new ArrayList<>();
        long bytes = 0;
        for (Path p : paths) {
            LogFile f = LogFile.of(p);
            files.add(f);
            bytes += f.contentBytes();
        }
        Options options = OptionsLoader.load(null, Map.of(), Map.of());
        trace = new Trace(options, threads);
        Trace.Result r = trace.run(ReplayFiles.TRACED, files, Progress.NONE);
        if (r.events().size() != 1 || r.lines() != ReplayFiles.LINES) {
            throw new IllegalStateException("found " + r.events().size() + " events in " + r.lines() + " lines");
        }
        System.out.printf("%n%d lines, %.2f GB of content; %d lines held the needle and were parsed%n",
                r.lines(), bytes / 1e9, r.parsed());
    }

    @Benchmark
    public int trace() {
        return trace.run(ReplayFiles.TRACED, files, Progress.NONE).events().size();
    }
}
