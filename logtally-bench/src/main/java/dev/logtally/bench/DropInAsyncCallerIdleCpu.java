package dev.logtally.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What an idle service pays for the drop-in's async writer thread: each async configuration of
 * {@link DropInAsyncCallerBenchmark} is started, one event is logged, and then nothing for a while; the
 * writer thread's CPU time ({@code /proc/self/task/TID/schedstat}) and its wake-ups (voluntary context
 * switches, {@code /proc/self/task/TID/status}) over that idle time are printed per second. Linux only.
 *
 * <pre>{@code
 * java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.DropInAsyncCallerIdleCpu 30   # seconds idle per configuration
 * }</pre>
 */
public final class DropInAsyncCallerIdleCpu {
    private DropInAsyncCallerIdleCpu() {
    }

    /** One thread's counters at one moment. */
    private record Sample(long cpuNanos, long wakeUps) {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (DropInConfig config : List.of(DropInConfig.DROPIN_ASYNC, DropInConfig.DROPIN_ASYNC_LOGBACK)) {
            DropInLogging logging = DropInLogging.start(config);
            logging.emit();
            // The native name is the Java name cut to 15 characters.
            String name = config == DropInConfig.DROPIN_ASYNC ? "logtally-async-" : "AsyncAppender-W";
            Path task = task(name);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // the one event is written, the writer idle
            Sample before = sample(task);
            long start = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
            Sample after = sample(task);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: writer thread idle for %.1f s: %.1f wake-ups/s, %.1f µs CPU/s (%.4f%% of a core), %.2f µs per wake-up%n",
                    config, elapsed, (after.wakeUps() - before.wakeUps()) / elapsed,
                    (after.cpuNanos() - before.cpuNanos()) / 1e3 / elapsed,
                    (after.cpuNanos() - before.cpuNanos()) / 1e7 / elapsed,
                    after.wakeUps() == before.wakeUps() ? 0.0
                            : (after.cpuNanos() - before.cpuNanos()) / 1e3 / (after.wakeUps() - before.wakeUps()));
            System.out.println("  " + logging.finish());
        }
    }

    private static Path task(String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<Path> found = tasks.filter(t -> read(t.resolve("comm")).strip().equals(name)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one thread named " + name + ", found " + found.size());
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample sample(Path task) {
        long cpu = Long.parseLong(read(task.resolve("schedstat")).split(" ")[0]);
        long wakeUps = read(task.resolve("status")).lines().filter(l -> l.startsWith("voluntary_ctxt_switches:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException(task + "/status has no voluntary_ctxt_switches"));
        return new Sample(cpu, wakeUps);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        }
    }
}
