package dev.logtally.samples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code logtally demo-app}: runs the sample {@link StratumProxy} against a simulated fleet of miners,
 * logging through the drop-in into {@code --log-dir} at about {@code --rate} events per second, for
 * {@code --duration} or until Ctrl-C. Stopping, either way, lets every queued event reach the file and
 * every archive finish compressing.
 *
 * <pre>{@code
 * new DemoApp(settings).run(new PrintWriter(System.out, true));
 * }</pre>
 */
public final class DemoApp {
    private final DemoSettings settings;
    private final Incident incident;
    private volatile boolean stopping;

    public DemoApp(DemoSettings settings) {
        this(settings, Incident.none());
    }

    private DemoApp(DemoSettings settings, Incident incident) {
        this.settings = settings;
        this.incident = incident;
    }

    /**
     * The same app, with an upstream outage that lasts while {@code file} exists: {@code errorsPerSecond}
     * {@code connection_timeout} errors a second (see {@link Incident}).
     */
    public DemoApp withIncidentWhile(Path file, double errorsPerSecond) {
        return new DemoApp(settings, Incident.whileExists(file, errorsPerSecond));
    }

    /** Runs to the end and prints one summary line to {@code out}; returns the number of events logged. */
    public long run(PrintWriter out) {
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new DemoException("--log-dir", "cannot create " + settings.logDir() + ": " + e);
        }
        DemoLogging logging = DemoLogging.start(properties());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> stopAndWait(finished), "demo-app-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        SimClock clock = new SimClock();
        Random random = new Random(settings.seed());
        ExecutorService dbThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "db-writer"));
        StratumProxy proxy = new StratumProxy(
                new SimulatedPool(new Random(settings.seed() + 1), clock),
                new SimulatedShareDb(new Random(settings.seed() + 2), clock),
                dbThread, clock, () -> String.format("%016x%016x", random.nextLong(), random.nextLong()));
        MinerFleet fleet = new MinerFleet(random, proxy, 60, Math.round(settings.rate() / 2));
        Pacer pacer = new Pacer(settings.rate(), System::nanoTime, LockSupport::parkNanos);
        long limit = settings.duration().isZero() ? Long.MAX_VALUE : settings.duration().toNanos();
        try {
            while (!stopping && pacer.elapsedNanos() < limit) {
                fleet.step();
                incident.step(pacer.elapsedNanos());
                pacer.await(logging.events());
            }
            dbThread.shutdown();
            awaitQuietly(dbThread);
        } finally {
            dbThread.shutdownNow();
            logging.stop();
            out.printf("demo-app: %d events in %.1f s to %s%n", logging.events(), pacer.elapsedNanos() / 1e9,
                    settings.logDir().resolve(DemoSettings.SERVICE + ".log"));
            out.flush();
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C: the hook is running, and let the JVM exit once we were done
        }
        return logging.events();
    }

    private Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("logtally.dir", settings.logDir().toString());
        p.put("logtally.file", DemoSettings.SERVICE);
        p.put("logtally.service", DemoSettings.SERVICE);
        if (settings.release() != null) {
            p.put("logtally.release", settings.release());
        }
        if (settings.maxFileSize() != null) {
            p.put("logtally.maxFileSize", settings.maxFileSize());
        }
        return p;
    }

    /** Ctrl-C: ask the loop to stop, and hold the JVM until logging is stopped (at most a minute). */
    private void stopAndWait(CountDownLatch finished) {
        stopping = true;
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
