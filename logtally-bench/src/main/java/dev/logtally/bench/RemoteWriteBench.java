package dev.logtally.bench;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import dev.logtally.export.PushListener;
import dev.logtally.export.PushOutcome;
import dev.logtally.export.RemoteBatches;
import dev.logtally.export.RemoteWriteOptions;
import dev.logtally.export.RemoteWriter;
import dev.logtally.export.TimedSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 14's figures, against a real VictoriaMetrics (Debian {@code victoria-metrics}) on a free loopback port:
 *
 * <ol>
 *   <li><b>Cost per push</b> at 1,000 and 10,000 series: bytes on the wire (snappy-compressed protobuf, and
 *       the protobuf before compression), the CPU of building and compressing the requests (this thread), and
 *       the wall time and process CPU of a whole {@link RemoteWriter#pushOnce} to the store, averaged over
 *       100 pushes after 30 of warm-up.</li>
 *   <li><b>Replay</b> of generated archives (1,000,000 lines over 24 h of event time, step 1m) into the store
 *       by {@code replay --remote-write}, next to {@code replay --format openmetrics} into a file, alternating,
 *       each a {@code logtally.jar} process: wall time and samples/s.</li>
 *   <li><b>Tail throughput</b>: {@code logtally tail} catching up the same 1,000,000 lines from a fresh state
 *       directory, with {@code --listen} only and with {@code --listen} plus {@code --remote-write} (every
 *       second), alternating: time until {@code /metrics} shows every line.</li>
 * </ol>
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests -Djdeb.skip
 * flock /tmp/jmh.lock java -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.RemoteWriteBench 3   # rounds of (2) and (3)
 * </pre>
 */
public final class RemoteWriteBench {
    private static final Pattern WROTE = Pattern.compile("wrote (\\d+) samples");
    private static final int LINES = 1_000_000;

    private RemoteWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("logtally-rwbench");
        System.out.println("machine: " + TailPrograms.machine());
        try (TailPrograms.Program vm = TailPrograms.victoriaMetrics(dir)) {
            URI url = URI.create(vm.url() + "/api/v1/write");
            for (int series : new int[] {1000, 10_000}) {
                pushCost(url, series);
            }
            Path archives = Files.createDirectories(dir.resolve("archives"));
            Path log = writeLog(archives);
            System.out.println("loadavg before replay: " + TailPrograms.loadavg());
            for (int r = 0; r < rounds; r++) {
                replay(dir, archives, List.of("--remote-write", url.toString()), "remote write");
                replay(dir, archives, List.of("--format", "openmetrics"), "openmetrics");
            }
            for (int r = 0; r < rounds; r++) {
                sinks(url, archives);
            }
            System.out.println("loadavg before tail: " + TailPrograms.loadavg());
            for (int r = 0; r < rounds; r++) {
                tail(dir, log, r, null);
                tail(dir, log, r, url);
            }
            System.out.println("loadavg at end: " + TailPrograms.loadavg());
        }
    }

    private static void pushCost(URI url, int n) {
        List<Series> series = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            series.add(Series.counter(List.of(String.format(Locale.ROOT, "error_type_%05d", i), "checkout"), 1000 + i));
        }
        MetricSnapshot snapshot = new MetricSnapshot(List.of(new MetricFamily("app_errors_total", MetricType.COUNTER,
                "Errors.", List.of("error_type", "service"), null, series)));
        Map<String, String> labels = Map.of("job", "logtally", "instance", "bench-host-01");
        RemoteWriteOptions options = RemoteWriteOptions.of(List.of(url.toString()), "logtally", "bench-host-01");
        long t0 = Instant.now().toEpochMilli() - 3_600_000L;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int warmup = 30;
        int measured = 100;
        long bytes = 0;
        long raw = 0;
        long requests = 0;
        long encodeCpu = 0;
        long pushWall = 0;
        long pushCpu = 0;
        try (RemoteWriter writer = RemoteWriter.create(options, url, labels, PushListener.NONE)) {
            for (int i = 0; i < warmup + measured; i++) {
                TimedSnapshot point = new TimedSnapshot(Instant.ofEpochMilli(t0 + i * 1000L), snapshot);
                long c0 = threads.getCurrentThreadCpuTime();
                RemoteBatches batches = new RemoteBatches(List.of(point), labels, options.maxSamples());
                long b = 0;
                long u = 0;
                int q = 0;
                while (batches.hasNext()) {
                    var batch = batches.next();
                    b += RemoteWriter.body(batch).length;
                    u += dev.logtally.export.WriteRequestEncoder.encode(batch).length;
                    q++;
                }
                long c1 = threads.getCurrentThreadCpuTime();
                long p0 = processCpuNanos();
                long w0 = System.nanoTime();
                PushOutcome o = writer.pushOnce(new TimedSnapshot(Instant.ofEpochMilli(t0 + i * 1000L + 500), snapshot));
                long w1 = System.nanoTime();
                long p1 = processCpuNanos();
                if (!o.succeeded()) {
                    throw new IllegalStateException(o.lastFailure().message());
                }
                if (i >= warmup) {
                    bytes += b;
                    raw += u;
                    requests += q;
                    encodeCpu += c1 - c0;
                    pushWall += w1 - w0;
                    pushCpu += p1 - p0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "push of %,d series: %,d bytes on the wire (%,d protobuf before snappy) in %d requests; "
                        + "build+encode+compress %.2f ms CPU (one thread, encoded twice here: protobuf alone counted too); "
                        + "whole pushOnce %.2f ms wall, %.2f ms process CPU; mean of %d pushes%n",
                n, bytes / measured, raw / measured, requests / measured, encodeCpu / 1e6 / measured,
                pushWall / 1e6 / measured, pushCpu / 1e6 / measured, measured);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** 1,000,000 lines over 24 h (one every 86.4 ms): 8% errors of 5 types and 2 services, 60% timed of 4 methods. */
    private static Path writeLog(Path dir) throws IOException {
        Path plain = dir.resolve("app.log");
        long start = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        String[] types = {"connection_timeout", "protocol_violation", "db_write_failed", "invalid_share", "pool_disconnected"};
        String[] methods = {"mining.subscribe", "mining.authorize", "mining.submit", "mining.notify"};
        java.util.Random r = new java.util.Random(14);
        try (Writer w = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                String head = "{\"@timestamp\":\"" + Instant.ofEpochMilli(start + i * 86L + i * 4L / 10) + "\",\"@version\":\"1\","
                        + "\"logger_name\":\"dev.sample.Proxy\",\"thread_name\":\"worker-1\",\"service\":\""
                        + (r.nextBoolean() ? "pool" : "db") + "\",";
                int kind = r.nextInt(100);
                if (kind < 8) {
                    w.write(head + "\"level\":\"ERROR\",\"message\":\"failed\",\"error_type\":\"" + types[r.nextInt(5)] + "\"}\n");
                } else if (kind < 68) {
                    w.write(head + "\"level\":\"INFO\",\"message\":\"done\",\"method\":\"" + methods[r.nextInt(4)]
                            + "\",\"duration_ms\":" + (1 + r.nextInt(3000)) / 10.0 + "}\n");
                } else {
                    w.write(head + "\"level\":\"INFO\",\"message\":\"share accepted\"}\n");
                }
            }
        }
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.2026-11-01.0.log.gz")), 1 << 16)) {
            Files.copy(plain, gz);
        }
        Path moved = dir.getParent().resolve("app.log");
        Files.move(plain, moved);
        return moved;
    }

    private static void replay(Path dir, Path archives, List<String> sink, String what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar(), "replay", archives.toString(), "--step", "1m",
                "--namespace", "bench"));
        cmd.addAll(sink);
        Path out = dir.resolve("replay.out");
        long w0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("replay.err").toFile()).start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - w0) / 1e9;
        long cpu = TailPrograms.cpuMillis(p.pid());
        if (code != 0) {
            throw new IllegalStateException(what + " replay exit " + code + ": " + Files.readString(dir.resolve("replay.err")));
        }
        long samples;
        if (what.equals("remote write")) {
            Matcher m = WROTE.matcher(Files.readString(out));
            if (!m.find()) {
                throw new IllegalStateException("no count in " + Files.readString(out));
            }
            samples = Long.parseLong(m.group(1));
        } else {
            try (var lines = Files.lines(out)) {
                samples = lines.filter(l -> !l.startsWith("#")).count();
            }
        }
        System.out.printf(Locale.ROOT, "replay %-12s %,d samples in %.2f s wall: %,.0f samples/s (whole run, 1,000,000 lines read)%n",
                what, samples, seconds, samples / seconds);
    }

    /**
     * The two sinks alone, in this process, on the same replayed points (read once): the OpenMetrics text
     * rendered into memory, and the remote-write requests built, compressed and written to the store.
     */
    private static void sinks(URI url, Path archives) {
        dev.logtally.config.Options o = dev.logtally.config.OptionsLoader.load(null,
                Map.of("namespace", "bench", "remote_write.url", url.toString()), Map.of());
        var files = dev.logtally.archive.ArchiveRun.inputs(List.of(archives.toString()), o).files();
        var result = new dev.logtally.archive.Replay(o, java.time.Clock.systemUTC(), 2, 60_000)
                .run(files, dev.logtally.archive.Progress.NONE);
        List<TimedSnapshot> points = dev.logtally.archive.BackfillLabel.onAll(result.points());
        long t0 = System.nanoTime();
        String text = dev.logtally.export.OpenMetricsFormat.render(points);
        long t1 = System.nanoTime();
        long samples = text.lines().filter(l -> !l.startsWith("#")).count();
        RemoteBatches batches = new RemoteBatches(points, Map.of(), o.remoteWrite().maxSamples());
        long bytes = 0;
        long t2 = System.nanoTime();
        try (RemoteWriter w = RemoteWriter.create(o.remoteWrite(), url, Map.of(), PushListener.NONE)) {
            while (batches.hasNext()) {
                var batch = batches.next();
                bytes += RemoteWriter.body(batch).length;
                PushOutcome out = w.send(batch, Instant.now().plusSeconds(60));
                if (!out.succeeded()) {
                    throw new IllegalStateException(out.lastFailure().message());
                }
            }
        }
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "sink only, %,d samples: openmetrics text %.0f ms (%,.0f samples/s, %,d bytes); "
                        + "remote write %.0f ms (%,.0f samples/s, %,d bytes on the wire, encoded twice here)%n",
                samples, (t1 - t0) / 1e6, samples / ((t1 - t0) / 1e9), text.length(),
                (t3 - t2) / 1e6, samples / ((t3 - t2) / 1e9), bytes);
    }

    private static void tail(Path dir, Path log, int round, URI remote) throws Exception {
        int port = TailPrograms.freePort();
        List<String> args = new ArrayList<>(List.of("--path", log.toString(), "--state-dir",
                dir.resolve("state-" + round + (remote == null ? "-off" : "-on")).toString(), "--listen", "127.0.0.1:" + port,
                "--namespace", "bench", "--log-level", "WARN"));
        if (remote != null) {
            args.addAll(List.of("--remote-write", remote.toString(), "--instance", "bench-" + round, "--push-interval", "1s"));
        }
        long w0 = System.nanoTime();
        try (TailPrograms.Program p = TailPrograms.logtally(dir, TailPrograms.jvmOptions(
                "-Xmx128m -XX:+UseSerialGC -XX:-UsePerfData"), args)) {
            String metrics = "http://127.0.0.1:" + port + "/metrics";
            while (true) {
                if (!p.process().isAlive()) {
                    throw new IllegalStateException("tail exited: " + p.lastOutput(10));
                }
                try {
                    if (TailPrograms.value(TailPrograms.get(metrics), "logtally_lines_total") >= LINES) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not serving yet
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - w0) / 1e9;
            System.out.printf(Locale.ROOT, "tail remote write %-3s %,d lines in %.2f s from process start: %,.0f lines/s%n",
                    remote == null ? "off" : "on", LINES, seconds, LINES / seconds);
            p.stop();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jar() {
        return Path.of(System.getProperty("logtally.jar", "logtally-daemon/target/logtally.jar")).toAbsolutePath().toString();
    }
}
