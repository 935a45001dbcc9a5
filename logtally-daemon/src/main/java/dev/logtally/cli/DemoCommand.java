package dev.logtally.cli;

import dev.logtally.base.UserFacingException;

import ch.qos.logback.classic.Level;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.base.Durations;
import dev.logtally.base.HostPort;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.run.TailDaemon;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code logtally demo}: the whole loop on one machine with no external service. Runs the sample Stratum
 * proxy ({@code demo-app}, a child JVM logging through the drop-in) into a temporary directory, tails it
 * in-process, serves {@code /metrics} on localhost and prints a live summary every second until Ctrl-C
 * (or {@code --duration}); then stops both and removes the directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the sample service, tail it, serve /metrics and show a live summary (no external service).")
final class DemoCommand implements Callable<Integer> {
    private static final String NS = "loka_stratum";

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200", description = "Events per second of the sample service (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (default: until Ctrl-C).")
    String duration;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9400", description = "Where to serve /metrics (default ${DEFAULT-VALUE}).")
    String listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliLogging.configure(Level.WARN);
        Duration limit = duration == null ? null : Durations.parsePositive("--duration", duration);
        HostPort listenAt = HostPort.parse("--listen", listen);
        Path dir = Files.createTempDirectory("logtally-demo-");
        Process app = startSampleService(dir.resolve("logs"));
        CountDownLatch stop = new CountDownLatch(1);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> stop.countDown());
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> stop.countDown());
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        try (TailDaemon tail = TailDaemon.start(options(dir), Clock.systemUTC())) {
            String url = metricsUrl(listenAt, tail.metricsPort());
            DemoSummary summary = new DemoSummary(NS);
            long started = System.nanoTime();
            double lastLines = 0;
            long lastAt = started;
            while (!stop.await(1, TimeUnit.SECONDS)) {
                MetricSnapshot s = tail.current();
                long now = System.nanoTime();
                double lines = DemoSummary.value(s, "logtally_lines_total");
                double perSecond = (lines - lastLines) / ((now - lastAt) / 1e9);
                lastLines = lines;
                lastAt = now;
                out.print((terminal ? "\033[H\033[2J" : "\n") + summary.render(s, perSecond, url));
                out.flush();
                if (!app.isAlive()) {
                    throw new UserFacingException("the sample service stopped with exit code " + app.exitValue()
                            + "; its output is in " + dir.resolve("demo-app.out"));
                }
                if (limit != null && now - started >= limit.toNanos()) {
                    break;
                }
            }
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            deleteTree(dir);
        }
        return 0;
    }

    /** Where a browser finds {@code /metrics}: the listen host (loopback for all interfaces) and the bound port. */
    static String metricsUrl(HostPort listen, int boundPort) {
        String host = listen.host().equals("0.0.0.0") ? "127.0.0.1" : listen.host();
        return "http://" + new HostPort(host, boundPort) + "/metrics";
    }

    private Options options(Path dir) {
        return OptionsLoader.load(null, Map.of(
                "paths", dir.resolve("logs").resolve("loka-stratum.log").toString(),
                "state.dir", dir.resolve("state").toString(),
                "namespace", NS,
                "listen", listen,
                "gauges", "active_connections,message_queue_size,pool_connected,memory_used_bytes",
                "poll.interval", "100ms",
                "checkpoint.interval", "500ms"), System.getenv());
    }

    private Process startSampleService(Path logs) throws IOException {
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("demo-app", "--rate", Integer.toString(rate), "--log-dir", logs.toString(),
                "--release", "2.4.1", "--max-file-size", "5MB"));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolveSibling("demo-app.out").toFile()).start();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
