package dev.logtally.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 3's freshness target: from a line's write to its count in the Pushgateway, at 10,000 lines/s with
 * a 1 s push interval; target p99 ≤ push interval + 250 ms. Everything is real: the Debian
 * {@code prometheus-pushgateway}, and {@code logtally tail} from {@code logtally-daemon/target/logtally.jar} in a process of
 * its own (with the systemd unit's JVM options), pushing every second.
 *
 * <p>A {@link TailWriter} appends drop-in-shaped lines to one file at the rate for the given time and notes
 * when each line was written; a poller GETs the Pushgateway's {@code /metrics} every 20 ms and notes when
 * each answer arrived and its {@code logtally_lines_total}. A line's freshness is the arrival time of the
 * first answer whose count reaches the line's number, minus the line's write time. That overstates it by
 * at most the gap between two answers (reported as the resolution). At the end the tailer is stopped with
 * SIGTERM and the final pushed totals must equal what was written.
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests
 * java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.FreshnessBench [seconds=60] [lines/s=10000] [poll ms=20]
 * </pre>
 */
public final class FreshnessBench {
    static final String JVM = "-Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData";

    private FreshnessBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int pollMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> jvm = TailPrograms.jvmOptions(JVM);
        Path dir = Files.createTempDirectory("logtally-freshness");
        Path log = Files.createFile(Files.createDirectories(dir.resolve("logs")).resolve("app.log"));
        Path config = Files.writeString(dir.resolve("tailer.properties"), "gauges=" + String.join(",", TailLines.GAUGES) + "\n");
        System.out.printf("FreshnessBench: %d lines/s for %d s into one file, push interval 1s, Pushgateway polled every %d ms%n"
                + "machine: %s%nlogtally JVM options: %s%n", rate, seconds, pollMs, TailPrograms.machine(), String.join(" ", jvm));
        TailWriter writer = new TailWriter(List.of(log), rate, 20_000, 20261124L);
        long[] writtenAt = new long[writer.capacity(Duration.ofSeconds(seconds))];
        Polls polls = new Polls(seconds * 1000 / pollMs + 10_000);
        try (TailPrograms.Program pg = TailPrograms.pushgateway(dir);
             TailPrograms.Program tail = TailPrograms.logtally(dir, jvm, List.of(
                     "--path", log.toString(), "--state-dir", dir.resolve("state").toString(),
                     "--push", pg.url(), "--job", "freshness", "--instance", "bench", "--push-interval", "1s",
                     "--namespace", TailLines.NS, "--config", config.toString()))) {
            String metrics = pg.url() + "/metrics";
            awaitCount(metrics, tail, 0, Duration.ofSeconds(60));
            long cpuBefore = TailPrograms.cpuMillis(tail.pid());
            AtomicBoolean stop = new AtomicBoolean();
            Thread poller = new Thread(() -> polls.run(metrics, pollMs, stop), "poller");
            poller.start();
            long t0 = System.nanoTime();
            writer.run(Duration.ofSeconds(seconds), writtenAt);
            long wroteFor = System.nanoTime() - t0;
            long total = writer.written(0);
            awaitCount(metrics, tail, total, Duration.ofSeconds(30));
            // One more poll interval so the poller has surely seen the last count too.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3L * pollMs));
            stop.set(true);
            poller.join();
            long cpu = TailPrograms.cpuMillis(tail.pid()) - cpuBefore;
            int exit = tail.stop();
            String end = TailPrograms.get(metrics);
            long finalLines = (long) TailPrograms.value(end, "logtally_lines_total");
            long finalEvents = (long) TailPrograms.value(end, "logtally_events_total");
            double pushes = TailPrograms.value(end, "logtally_pushes_total");
            double failures = TailPrograms.value(end, "logtally_push_failures_total");
            report(writtenAt, (int) total, polls, wroteFor, cpu);
            System.out.printf("tailer: exit %d after SIGTERM; final push: lines %d, events %d (written %d: %s);"
                            + " pushes %.0f, push failures %.0f%n", exit, finalLines, finalEvents, total,
                    finalLines == total && finalEvents == total ? "exact" : "NOT EXACT", pushes, failures);
            if (exit != 0 || finalLines != total || finalEvents != total) {
                System.out.println(tail.lastOutput(20));
                System.exit(1);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void report(long[] writtenAt, int total, Polls polls, long wroteForNanos, long cpuMillis) {
        long[] fresh = new long[total];
        int p = 0;
        for (int k = 0; k < total; k++) {
            while (polls.count[p] < k + 1) {
                p++; // counts only grow, so the first poll for line k+1 is at or after the one for line k
                if (p == polls.n) {
                    throw new IllegalStateException("no poll saw line " + (k + 1));
                }
            }
            fresh[k] = polls.at[p] - writtenAt[k];
        }
        Arrays.sort(fresh);
        long gapMax = 0;
        double gapSum = 0;
        for (int i = 1; i < polls.n; i++) {
            long gap = polls.at[i] - polls.at[i - 1];
            gapMax = Math.max(gapMax, gap);
            gapSum += gap;
        }
        System.out.printf("written: %,d lines in %.1f s (%,.0f lines/s)%n", total, wroteForNanos / 1e9, total / (wroteForNanos / 1e9));
        System.out.printf("freshness (write -> count in the Pushgateway): p50 %.3f s, p90 %.3f s, p99 %.3f s, p99.9 %.3f s, max %.3f s%n",
                pct(fresh, 50), pct(fresh, 90), pct(fresh, 99), pct(fresh, 99.9), fresh[total - 1] / 1e9);
        System.out.printf("resolution: %,d polls, gap between answers mean %.1f ms, max %.1f ms (freshness overstated by at most one gap)%n",
                polls.n, gapSum / (polls.n - 1) / 1e6, gapMax / 1e6);
        System.out.printf("tailer CPU while writing: %.2f s over %.1f s (%.1f%% of one core)%n", cpuMillis / 1e3, wroteForNanos / 1e9,
                100.0 * cpuMillis / (wroteForNanos / 1e6));
        double p99 = pct(fresh, 99);
        System.out.printf("target p99 <= 1.250 s (push interval + 250 ms): %s (p99 %.3f s)%n", p99 <= 1.25 ? "MET" : "MISSED", p99);
    }

    private static double pct(long[] sorted, double pct) {
        int i = (int) Math.ceil(pct / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e9;
    }

    /** Waits until the Pushgateway shows {@code logtally_lines_total} ≥ {@code count} (polling, with a deadline). */
    private static void awaitCount(String metrics, TailPrograms.Program tail, long count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            double v = TailPrograms.value(TailPrograms.get(metrics), "logtally_lines_total");
            if (v >= count) {
                return;
            }
            if (!tail.process().isAlive()) {
                throw new IllegalStateException("logtally died: " + tail.lastOutput(20));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("logtally_lines_total " + v + " did not reach " + count + " within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The poller's answers: arrival time ({@link System#nanoTime()}) and count, in order. */
    static final class Polls {
        final long[] at;
        final long[] count;
        int n;

        Polls(int capacity) {
            at = new long[capacity];
            count = new long[capacity];
        }

        void run(String metrics, int pollMs, AtomicBoolean stop) {
            long next = System.nanoTime();
            while (!stop.get() && n < at.length) {
                try {
                    String body = TailPrograms.get(metrics);
                    long arrived = System.nanoTime();
                    double v = TailPrograms.value(body, "logtally_lines_total");
                    at[n] = arrived;
                    count[n] = Double.isNaN(v) ? 0 : (long) v;
                    n++;
                } catch (Exception e) {
                    throw new IllegalStateException("polling the Pushgateway failed", e);
                }
                next += TimeUnit.MILLISECONDS.toNanos(pollMs);
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }
}
