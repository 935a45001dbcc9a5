package dev.logtally.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 3's memory target: {@code logtally tail} following 10 files at 10,000 lines/s each runs in
 * {@code -Xmx64m}; report its RSS, and whether it kept up. Real programs: {@code logtally tail} from
 * {@code logtally-daemon/target/logtally.jar} in a process of its own (the systemd unit's JVM options with
 * {@code -Xmx64m}, GC log on), serving {@code /metrics} and pushing every second to the Debian
 * {@code prometheus-pushgateway}.
 *
 * <p>A {@link TailWriter} appends drop-in-shaped lines (~440 B) to the 10 files for the given time; every
 * 250 ms a sampler reads the tailer's {@code VmRSS} from {@code /proc/PID/status} and its
 * {@code logtally_lag_bytes} and {@code logtally_lines_total} from {@code /metrics}. Kept up means: the lag
 * does not grow while writing, and it is back to 0 with every line counted soon after the writing stops.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.MemoryBench [seconds=60] [files=10] [lines/s per file=10000]
 * </pre>
 */
public final class MemoryBench {
    static final String JVM = "-Xmx64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData";
    private static final Pattern GC = Pattern.compile("Pause .*?(\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int fileCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path dir = Files.createTempDirectory("logtally-memory");
        List<String> jvm = TailPrograms.jvmOptions(JVM);
        jvm.add("-Xlog:gc:file=" + dir.resolve("gc.log"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<Path> files = new ArrayList<>();
        List<String> tailArgs = new ArrayList<>();
        for (int f = 0; f < fileCount; f++) {
            Path file = Files.createFile(logs.resolve("app" + f + ".log"));
            files.add(file);
            tailArgs.addAll(List.of("--path", file.toString()));
        }
        Path config = Files.writeString(dir.resolve("tailer.properties"), "gauges=" + String.join(",", TailLines.GAUGES) + "\n");
        int port = TailPrograms.freePort();
        System.out.printf("MemoryBench: %d files x %,d lines/s for %d s%nmachine: %s%nlogtally JVM options: %s%n",
                fileCount, rate, seconds, TailPrograms.machine(), String.join(" ", jvm));
        TailWriter writer = new TailWriter(files, rate, 20_000, 20261124L);
        List<long[]> samples = new ArrayList<>(); // {ms since start, rss kB, lag bytes, lines}
        try (TailPrograms.Program pg = TailPrograms.pushgateway(dir)) {
            tailArgs.addAll(List.of("--state-dir", dir.resolve("state").toString(), "--listen", "127.0.0.1:" + port,
                    "--push", pg.url(), "--job", "memory", "--instance", "bench", "--push-interval", "1s",
                    "--namespace", TailLines.NS, "--config", config.toString()));
            try (TailPrograms.Program tail = TailPrograms.logtally(dir, jvm, tailArgs)) {
                String metrics = "http://127.0.0.1:" + port + "/metrics";
                awaitMetrics(metrics, tail);
                long rssIdle = TailPrograms.statusKb(tail.pid(), "VmRSS");
                long cpuBefore = TailPrograms.cpuMillis(tail.pid());
                long t0 = System.nanoTime();
                AtomicBoolean stop = new AtomicBoolean();
                Thread sampler = new Thread(() -> sample(tail, metrics, t0, samples, stop), "sampler");
                sampler.start();
                writer.run(Duration.ofSeconds(seconds), null);
                long wroteFor = System.nanoTime() - t0;
                long cpu = TailPrograms.cpuMillis(tail.pid()) - cpuBefore;
                long total = writer.writtenTotal();
                // Drained: every line counted, no lag. Sampling goes on meanwhile.
                long drainedAt = awaitDrained(metrics, tail, total, Duration.ofSeconds(120));
                stop.set(true);
                sampler.join();
                long counted = (long) TailPrograms.value(TailPrograms.get(metrics), "logtally_lines_total");
                long hwm = TailPrograms.statusKb(tail.pid(), "VmHWM");
                boolean alive = tail.process().isAlive();
                int exit = tail.stop();
                report(samples, seconds, total, counted, wroteFor, (drainedAt - t0 - wroteFor) / 1e9, cpu, rssIdle, hwm, alive, exit,
                        dir.resolve("gc.log"));
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void sample(TailPrograms.Program tail, String metrics, long t0, List<long[]> samples, AtomicBoolean stop) {
        long next = System.nanoTime();
        while (!stop.get() && tail.process().isAlive()) {
            try {
                String body = TailPrograms.get(metrics);
                long rss = TailPrograms.statusKb(tail.pid(), "VmRSS");
                synchronized (samples) {
                    samples.add(new long[] {(System.nanoTime() - t0) / 1_000_000, rss,
                        (long) TailPrograms.value(body, "logtally_lag_bytes"), (long) TailPrograms.value(body, "logtally_lines_total")});
                }
            } catch (IOException | InterruptedException e) {
                System.out.println("sampling failed: " + e);
            }
            next += TimeUnit.MILLISECONDS.toNanos(250);
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private static void report(List<long[]> samples, int seconds, long total, long counted, long wroteForNanos, double drainSeconds, long cpuMillis,
                               long rssIdle, long hwm, boolean alive, int exit, Path gcLog) throws IOException {
        long rssMax = 0;
        long lagMaxFirst = 0;
        long lagMaxSecond = 0;
        System.out.println("   t s    RSS MiB   lag KiB   lines counted");
        long nextPrint = 0;
        for (long[] s : samples) {
            rssMax = Math.max(rssMax, s[1]);
            if (s[0] <= seconds * 1000L) {
                if (s[0] < seconds * 500L) {
                    lagMaxFirst = Math.max(lagMaxFirst, s[2]);
                } else {
                    lagMaxSecond = Math.max(lagMaxSecond, s[2]);
                }
            }
            if (s[0] >= nextPrint) {
                System.out.printf("%6.1f %10.1f %9.0f %,15d%n", s[0] / 1e3, s[1] / 1024.0, s[2] / 1024.0, s[3]);
                nextPrint += 5000;
            }
        }
        int gcs = 0;
        long heapAfterMax = 0;
        double pauseMax = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                gcs++;
                heapAfterMax = Math.max(heapAfterMax, Long.parseLong(m.group(2)));
                pauseMax = Math.max(pauseMax, Double.parseDouble(m.group(4)));
            }
        }
        double wrote = wroteForNanos / 1e9;
        System.out.printf("written: %,d lines in %.1f s (%,.0f lines/s, %.1f MB/s)%n", total, wrote, total / wrote,
                total * 442.0 / wrote / 1e6);
        // VmHWM is updated lazily by the kernel, so it can lag a sample: the peak is the larger of the two.
        System.out.printf("RSS: idle %.1f MiB, peak %.1f MiB (samples every 250 ms: max %.1f MiB; VmHWM %.1f MiB)%n",
                rssIdle / 1024.0, Math.max(rssMax, hwm) / 1024.0, rssMax / 1024.0, hwm / 1024.0);
        System.out.printf("GC: %d pauses, heap after GC at most %d MiB, longest pause %.1f ms%n", gcs, heapAfterMax, pauseMax);
        System.out.printf("lag: max %.0f KiB in the first half, %.0f KiB in the second half; drained %.2f s after writing stopped%n",
                lagMaxFirst / 1024.0, lagMaxSecond / 1024.0, drainSeconds);
        System.out.printf("tailer CPU while writing: %.1f s over %.1f s (%.0f%% of one core)%n", cpuMillis / 1e3, wrote,
                100.0 * cpuMillis / (wrote * 1e3));
        boolean keptUp = lagMaxSecond <= Math.max(lagMaxFirst, 1 << 20) && drainSeconds < 5;
        System.out.printf("alive throughout: %s; exit after SIGTERM %d; lines counted %,d of %,d (%s); kept up: %s%n",
                alive, exit, counted, total, counted == total ? "exact" : "NOT EXACT", keptUp ? "yes" : "NO");
    }

    private static void awaitMetrics(String metrics, TailPrograms.Program tail) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (!Double.isNaN(TailPrograms.value(TailPrograms.get(metrics), "logtally_lines_total"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!tail.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("logtally did not serve /metrics: " + tail.lastOutput(20));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Waits until every line is counted and the lag is 0; returns {@link System#nanoTime()} then. */
    private static long awaitDrained(String metrics, TailPrograms.Program tail, long total, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = TailPrograms.get(metrics);
            if (TailPrograms.value(body, "logtally_lines_total") >= total && TailPrograms.value(body, "logtally_lag_bytes") == 0) {
                return System.nanoTime();
            }
            if (!tail.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("not drained within " + timeout + ": " + tail.lastOutput(20));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
