package dev.logtally.bench;

import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Replay;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays the benchmark's plain files ({@link ReplayFiles}) {@code ROUNDS} times in one JVM and prints each
 * round's lines per wall second and per CPU-second of the process: the same work as
 * {@code ReplayBenchmark.replay}, without JMH, so that two builds (before and after a change) can be run
 * alternately on the same files, each with this class on its class path.
 *
 * <pre>
 * java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.ReplayLoop THREADS ROUNDS
 * </pre>
 */
public final class ReplayLoop {
    private ReplayLoop() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ReplayLoop THREADS ROUNDS");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<LogFile> files = ReplayFiles.plain().stream().map(LogFile::of).toList();
        Options options = OptionsLoader.load(null, Map.of("namespace", "app", "gauges", "queue_depth"), Map.of());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Replay.Result r = new Replay(options, Clock.systemUTC(), threads, 0).run(files, Progress.NONE);
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            if (r.failed() || r.lines() != ReplayFiles.LINES) {
                throw new IllegalStateException("replayed " + r.lines() + " lines: " + r.problems());
            }
            System.out.printf(Locale.ROOT, "round %d: %,.0f lines/s, %,.0f lines per CPU-second%n", round,
                    r.lines() * 1e9 / wall, r.lines() * 1e9 / cpu);
        }
    }
}
