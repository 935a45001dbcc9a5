package dev.logtally.bench;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.ErrorGroupsView;
import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.HourlyCounts;
import dev.logtally.archive.LogFile;
import dev.logtally.base.HostPort;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.issues.Breadcrumbs;
import dev.logtally.issues.IssuesHttp;
import dev.logtally.issues.IssuesServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Issue 12's figures, in one run: the server time of the issues list over 10,000 error groups and of an
 * issue page whose breadcrumbs are traced across 1 GB of {@code .gz} archives, measured while a tailer
 * ({@link FollowPipeline}, the reader thread's work) reads a file at full speed; and the reader's
 * throughput with the pages being requested against the same reader idle, alternating idle and loaded
 * phases so that both see the same machine.
 *
 * <ul>
 *   <li>Groups: 10,000 {@link ErrorGroupView}s (what {@code TailDaemon.errorGroups()} hands the page) with
 *       20 types, 8 services, 12 releases, 10-line stack heads, 14 days of hourly counts.</li>
 *   <li>Archives: {@link ReplayFiles}' 2,000,000 lines (1.03 GB of content) as 4 gzip files, made in a
 *       temporary directory and deleted at the end; one line holds the traced sample's correlation ID.</li>
 *   <li>Server: the real {@link IssuesServer} on a loopback port; times are taken by the client around
 *       each HTTP request (so they include loopback HTTP: an upper bound of the server's time).</li>
 *   <li>Load, two kinds, each in its own phase: (1) two client threads, one requesting the issue page over
 *       and over (its trace served from the trace cache once read: the archives do not change), one
 *       requesting list pages (sorts, filters, pages, HTML and JSON) over and over; (2) one client thread
 *       requesting the issue page over and over from a new server whose trace cache is empty, so every
 *       request reads the whole 1 GB: the worst a client can ask of the page.</li>
 *   <li>Reader: fresh {@link FollowPipeline}s reading {@link TailLogFile}'s 100,000 lines (44 MB) to the
 *       end, for at least {@code seconds} per phase; lines per second per phase. One idle phase first
 *       warms the reader up and is not counted; then each round is an idle phase, a phase under load (1)
 *       and a phase under load (2).</li>
 * </ul>
 *
 * <pre>
 * mvn -o -q -B -Pjmh package -DskipTests -Djdeb.skip
 * flock /tmp/jmh.lock java -Xmx1g -cp logtally-bench/target/benchmarks.jar dev.logtally.bench.IssuesPageBench 3 20
 * </pre>
 * Arguments: rounds (idle + loaded phases), seconds per phase.
 */
public final class IssuesPageBench {
    static final int GROUPS = 10_000;
    static final String[] LIST_PATHS = {
        "/issues", "/issues?sort=count", "/issues?sort=first_seen&page=7", "/issues?q=timeout",
        "/issues?service=svc-3&status=unresolved", "/issues?release=2.4.7&sort=count&page=2",
        "/api/issues?sort=count&page=3", "/api/issues?q=rig-4"};

    private IssuesPageBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.logtally"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("logtally-issues-bench");
        System.setProperty("bench.dir", dir.resolve("archive").toString());
        try {
            run(dir, rounds, seconds);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static void run(Path dir, int rounds, int seconds) throws Exception {
        System.out.printf("nproc %d, load %s%n", Runtime.getRuntime().availableProcessors(), load());
        long t0 = System.nanoTime();
        List<LogFile> archives = new ArrayList<>();
        long content = 0;
        for (Path p : ReplayFiles.gzip()) {
            LogFile f = LogFile.of(p);
            archives.add(f);
            content += f.contentBytes();
        }
        for (Path p : ReplayFiles.plain()) {
            Files.delete(p); // only the .gz are traced
        }
        long gz = 0;
        for (LogFile f : archives) {
            gz += Files.size(f.path());
        }
        System.out.printf("archives: %d .gz files, %.2f GB of content (%.0f MB compressed), made in %.0f s%n",
                archives.size(), content / 1e9, gz / 1e6, (System.nanoTime() - t0) / 1e9);
        TailLogFile log = TailLogFile.write(dir.resolve("app.log"), 100_000, 20261124L);
        Options options = OptionsLoader.load(null, Map.of(), Map.of());
        ErrorGroupIndex index = ErrorGroupIndex.of(groups(), 0);
        String traced = index.groups().stream().filter(g -> ReplayFiles.TRACED.equals(g.sampleCorrelationId()))
                .findFirst().orElseThrow().fingerprint();
        ErrorGroupsView view = index;
        try (Breadcrumbs crumbs = new Breadcrumbs(options, () -> archives, Duration.ofSeconds(30), 1000, 1)) {
            IssuesServer server = IssuesServer.start(HostPort.parse("--serve", "127.0.0.1:0"),
                    new IssuesHttp(() -> view, null, crumbs, Optional.empty(), false, Set.of("ERROR"), null));
            try {
                String base = "http://127.0.0.1:" + server.port();
                Client client = new Client(base, traced, () -> new Breadcrumbs(options, () -> archives,
                        Duration.ofSeconds(30), 1000, 1), view);
                client.warmUp();
                readerPhase(dir, log, seconds, "warm-up");
                List<Double> idle = new ArrayList<>();
                List<Double> loaded = new ArrayList<>();
                List<Double> cold = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    String n = "-" + r;
                    idle.add(readerPhase(dir, log, seconds, "idle-" + r));
                    loaded.add(withLoad(client, List.of(client::lists, client::issues),
                            () -> readerPhase(dir, log, seconds, "loaded" + n)));
                    cold.add(withLoad(client, List.of(client::coldIssues),
                            () -> readerPhase(dir, log, seconds, "cold" + n)));
                    System.out.printf("round %d: reader idle %.0f lines/s, with list + cached issue pages %.0f lines/s"
                                    + " (%.1f%%), with cold issue pages %.0f lines/s (%.1f%%); load %s%n",
                            r, idle.get(r), loaded.get(r), 100.0 * (loaded.get(r) / idle.get(r) - 1), cold.get(r),
                            100.0 * (cold.get(r) / idle.get(r) - 1), load());
                }
                client.report(idle, loaded, cold);
            } finally {
                server.close();
            }
        }
    }

    /** Runs {@code phase} while {@code clients} request pages back to back; the phase's figure. */
    private static double withLoad(Client client, List<Runnable> clients, java.util.function.DoubleSupplier phase)
            throws InterruptedException {
        client.running.set(true);
        List<Thread> threads = new ArrayList<>();
        for (Runnable c : clients) {
            Thread t = new Thread(c, "bench-client");
            t.start();
            threads.add(t);
        }
        double figure = phase.getAsDouble();
        client.running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return figure;
    }

    /** Reads the file with fresh pipelines for at least {@code seconds}; lines per second over the phase. */
    private static double readerPhase(Path dir, TailLogFile log, int seconds, String name) {
        long lines = 0;
        long start = System.nanoTime();
        for (int i = 0; System.nanoTime() - start < seconds * 1_000_000_000L; i++) {
            Path state = dir.resolve("state-" + name + "-" + i);
            Options o = OptionsLoader.load(null, Map.of("paths", log.file().toString(), "state.dir", state.toString(),
                    "namespace", TailLines.NS, "gauges", String.join(",", TailLines.GAUGES), "listen", "127.0.0.1:0"),
                    Map.of());
            long read = 0;
            try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
                while (read < log.bytes()) {
                    read += fp.poll();
                }
            }
            lines += log.lines();
            TempDirs.delete(state);
        }
        return lines / ((System.nanoTime() - start) / 1e9);
    }

    /** 10,000 groups; group 4,321's sample is the traced correlation ID. */
    static List<ErrorGroupView> groups() {
        Random random = new Random(12);
        String[] types = new String[20];
        for (int i = 0; i < types.length; i++) {
            types[i] = i % 4 == 0 ? "connection_timeout_" + i : "error_type_" + i;
        }
        List<ErrorGroupView> out = new ArrayList<>(GROUPS);
        long now = 1_764_633_600_000L;
        for (int g = 0; g < GROUPS; g++) {
            int[] hours = new int[HourlyCounts.HOURS];
            for (int h = 0; h < 40; h++) {
                hours[random.nextInt(hours.length)] += 1 + random.nextInt(20);
            }
            List<String> stack = new ArrayList<>();
            stack.add("java.lang.IllegalStateException: share " + g + " rejected by pool");
            for (int k = 0; k < 9; k++) {
                stack.add("\tat dev.logtally.samples.Stratum" + k + ".handle(Stratum" + k + ".java:" + (100 + k) + ")");
            }
            long first = now - random.nextInt(14 * 24 * 3600) * 1000L;
            String release = "2.4." + random.nextInt(12);
            out.add(new ErrorGroupView(String.format("%016x", random.nextLong()), types[g % types.length],
                    String.format("%08x", random.nextInt()), 1 + random.nextInt(5000), first,
                    first + random.nextInt(3600 * 1000), "share from rig-" + random.nextInt(100) + ".worker"
                    + random.nextInt(4) + " rejected: stale job " + Integer.toHexString(random.nextInt()),
                    g == 4321 ? ReplayFiles.TRACED : String.format("%032x", random.nextLong()), stack,
                    List.of("svc-" + random.nextInt(8)), List.of("mining.submit", "db.insert_share"), List.of(release),
                    release, new HourlyCounts(now - now % 3_600_000L, hours),
                    g % 10 == 0 ? GroupStatus.resolvedIn(release, now) : GroupStatus.UNRESOLVED, g % 50 == 0, g % 97 == 0,
                    List.of()));
        }
        return out;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Requests list pages on one thread and the issue page on another while {@link #running}; keeps every time. */
    private static final class Client {
        final AtomicBoolean running = new AtomicBoolean();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String issuePath;
        private final Supplier<Breadcrumbs> freshCrumbs;
        private final ErrorGroupsView view;
        private final List<Double> listMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Double> issueMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Double> coldMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Cold issue pages whose trace did not finish within the time limit (the page says so). */
        private final List<Double> coldFailed = java.util.Collections.synchronizedList(new ArrayList<>());

        Client(String base, String traced, Supplier<Breadcrumbs> freshCrumbs, ErrorGroupsView view) {
            this.base = base;
            this.issuePath = "/issues/" + traced;
            this.freshCrumbs = freshCrumbs;
            this.view = view;
        }

        void warmUp() throws Exception {
            for (int i = 0; i < 200; i++) {
                time(LIST_PATHS[i % LIST_PATHS.length]);
            }
            String page = get(issuePath);
            if (!page.contains(ReplayFiles.TRACED) || !page.contains(": 1 event in 4 files")) {
                throw new IllegalStateException("the issue page did not trace the sample across the 4 archives");
            }
        }

        void lists() {
            try {
                for (int i = 0; running.get(); i++) {
                    listMillis.add(time(LIST_PATHS[i % LIST_PATHS.length]));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void issues() {
            try {
                while (running.get()) {
                    issueMillis.add(time(issuePath));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The issue page with nothing cached, back to back: each request goes to a new server whose
         * breadcrumbs have an empty trace cache, so each reads the whole 1 GB.
         */
        void coldIssues() {
            try {
                while (running.get()) {
                    try (Breadcrumbs crumbs = freshCrumbs.get()) {
                        IssuesServer cold = IssuesServer.start(HostPort.parse("--serve", "127.0.0.1:0"),
                                new IssuesHttp(() -> view, null, crumbs, Optional.empty(), false, Set.of("ERROR"), null));
                        try {
                            long start = System.nanoTime();
                            String page = get("http://127.0.0.1:" + cold.port(), issuePath);
                            double millis = (System.nanoTime() - start) / 1e6;
                            if (page.contains(": 1 event in 4 files")) {
                                coldMillis.add(millis);
                            } else {
                                if (coldFailed.isEmpty()) {
                                    int at = page.indexOf("crumbs-id");
                                    System.out.println("a cold issue page did not finish its trace: "
                                            + page.substring(at, Math.min(page.length(), at + 200)).replaceAll("<[^>]*>", ""));
                                }
                                coldFailed.add(millis);
                            }
                        } finally {
                            cold.close();
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private double time(String path) throws Exception {
            long start = System.nanoTime();
            get(path);
            return (System.nanoTime() - start) / 1e6;
        }

        private String get(String path) throws Exception {
            return get(base, path);
        }

        private String get(String base, String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body();
        }

        void report(List<Double> idle, List<Double> loaded, List<Double> coldPhases) {
            double[] list = sorted(listMillis);
            double[] issue = sorted(issueMillis);
            double[] cold = sorted(coldMillis);
            System.out.printf("issues list (10,000 groups), %d requests while the reader ran: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    list.length, pct(list, 50), pct(list, 99), list[list.length - 1]);
            System.out.printf("issue page, trace cache warm (1 GB of .gz unchanged), %d requests while the reader ran:"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", issue.length, pct(issue, 50), pct(issue, 99), issue[issue.length - 1]);
            System.out.printf("issue page, trace cache empty (reads the 1 GB of .gz), %d requests traced while the reader"
                    + " ran: p50 %.0f ms, all %s; %d stopped at the trace time limit: %s%n", cold.length,
                    cold.length == 0 ? Double.NaN : pct(cold, 50), Arrays.toString(Arrays.stream(cold).mapToLong(Math::round).toArray()),
                    coldFailed.size(), coldFailed);
            double idleMedian = median(idle);
            System.out.printf("reader: idle median %.0f lines/s; with list + cached issue pages median %.0f lines/s: %.1f%%;"
                    + " with cold issue pages median %.0f lines/s: %.1f%%%n", idleMedian, median(loaded),
                    100.0 * (median(loaded) / idleMedian - 1), median(coldPhases), 100.0 * (median(coldPhases) / idleMedian - 1));
        }

        private static double[] sorted(List<Double> xs) {
            synchronized (xs) {
                return xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            }
        }

        private static double pct(double[] sorted, int p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        private static double median(List<Double> xs) {
            double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }
}
