package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.logtally.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, randomized: one loop with a seeded {@link Random} writes lines of random sizes (some in
 * two pieces), rotates Logback-style (rename to the archive name, new file, compress — sometimes seen
 * half-written — delete), copy-truncates, deletes and re-creates, polls with a small budget, takes
 * checkpoints, and "crashes" the follower at random points (drops it, and builds a new one from the last
 * checkpoint's positions, keeping only the lines delivered up to that checkpoint). At the end, the lines
 * delivered equal the lines written, each exactly once. Half the seeds follow {@code app.log}, half
 * {@code *.log} (which also matches Logback 1.6's renamed file and the copies); half rename the way
 * Logback 1.6 does ({@code app.2026-11-24.3.log}), half the way 1.5 does ({@code app.2026-11-24.3.log<nanoTime>.tmp}).
 * Half the seeds name copy-truncate copies like Logback archives, half {@code app.log.1}, {@code app.log.2},
 * ... upwards (newest last, though {@link NameOrder} sorts them newest first and after every archive).
 * A sixth of the seeds (following {@code app.log}) start with history: rotated copies from before the
 * first start, never to be read.
 *
 * <p>A failing seed writes its step log to {@code target/simulation-seed-N.log}. To rerun one seed or
 * run more: {@code mvn -o test -Dtest=FollowerSimulationTest -DargLine="-Dsimulation.seed=N"} or
 * {@code -DargLine="-Dsimulation.from=1 -Dsimulation.seeds=40000"}.
 */
class FollowerSimulationTest {
    private static final int SEEDS = 200;
    private static final int STEPS = 220;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    @Test
    void everyLineIsDeliveredExactlyOnceWhateverHappens() throws IOException {
        int only = Integer.getInteger("simulation.seed", 0);
        int first = only > 0 ? only : Integer.getInteger("simulation.from", 1);
        int last = only > 0 ? only : first + Integer.getInteger("simulation.seeds", SEEDS) - 1;
        for (int seed = first; seed <= last; seed++) {
            new Run(seed, Files.createDirectory(root.resolve("seed-" + seed))).go();
        }
    }

    private static final class Run {
        final int seed;
        final Random rnd;
        final Path dir;
        final Path app;
        final ManualClock clock = ManualClock.atMillis(1_800_000_000_000L);
        final FollowerOptions options;
        final boolean logback15;
        /** Copies named {@code app.log.K}, K upwards, rather than like Logback archives. */
        final boolean numberedCopies;
        int copies;
        final List<String> written = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        /** Rotated plain files not compressed yet, oldest first, with how far their compression got. */
        final Deque<Path> uncompressed = new ArrayDeque<>();
        final Map<Path, Boolean> halfWritten = new HashMap<>();
        Follower follower;
        /** Identity of app.log as the last poll saw it: the follower holds that file open. */
        String polledKey;
        List<FilePosition> checkpoint;
        int checkpointCount;
        String unsafeKey;
        String pendingRest;
        int lineNo;
        int rotation;

        Run(int seed, Path dir) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.dir = dir;
            this.app = dir.resolve("app.log");
            this.logback15 = seed % 4 >= 2;
            this.numberedCopies = seed % 8 >= 4;
            if (seed % 6 == 3) {
                history(); // following app.log: under *.log, they would be files of their own, or its rotations unseen
            }
            List<String> paths = List.of(dir.resolve(seed % 2 == 0 ? "*.log" : "app.log").toString());
            this.options = FollowerOptions.of(paths).withClock(clock).withRotateWait(WAIT)
                    .withMaxBytesPerFile(2048 + rnd.nextInt(60_000));
            this.follower = newFollower(null);
        }

        /** Rotated copies there before the first start: history, never delivered (their lines are not written). */
        private void history() {
            try {
                Logs.lines(dir.resolve("app.2026-11-23.0.log"), "H" + seed + "-0 ancient", "H" + seed + "-1 ancient");
                Logs.gzip(dir.resolve("app.2026-11-23.0.log"), dir.resolve("app.2026-11-23.0.log.gz"));
                Files.delete(dir.resolve("app.2026-11-23.0.log"));
                Logs.lines(dir.resolve("app.2026-11-23.1.log"), "H" + seed + "-2 old");
                Logs.lines(dir.resolve("app.log.900"), "H" + seed + "-3 old copy");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private Follower newFollower(List<FilePosition> positions) {
            FollowerListener listener = n -> log.add("  notice " + n.message());
            return positions == null ? Follower.firstStart(options, listener) : Follower.resume(options, positions, listener);
        }

        void go() throws IOException {
            try {
                // As the daemon does: a first checkpoint right after the first poll.
                poll();
                takeCheckpoint();
                for (int step = 0; step < STEPS; step++) {
                    step();
                }
                finish();
                check();
            } catch (AssertionError | IOException | RuntimeException e) {
                System.err.println(String.join("\n", log.subList(Math.max(0, log.size() - 80), log.size())));
                Files.write(Path.of("target/simulation-seed-" + seed + ".log"), log);
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            } finally {
                follower.close();
            }
        }

        void step() throws IOException {
            int r = rnd.nextInt(100);
            if (r < 30) {
                write();
            } else if (r < 50) {
                poll();
            } else if (r < 56) {
                takeCheckpoint();
            } else if (r < 62) {
                crash();
            } else if (r < 70) {
                clock.advance(Duration.ofMillis(rnd.nextInt(3000)));
            } else if (r < 77) {
                rollover();
            } else if (r < 81) {
                createActive();
            } else if (r < 90) {
                compressStep();
            } else if (r < 95) {
                copyTruncate();
            } else {
                recreate();
            }
        }

        String newLine() {
            int size = rnd.nextInt(10) == 0 ? 1000 + rnd.nextInt(6000) : 5 + rnd.nextInt(300);
            StringBuilder sb = new StringBuilder("L").append(seed).append('-').append(lineNo++).append(' ');
            for (int i = 0; i < size; i++) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            return sb.toString();
        }

        void write() throws IOException {
            if (pendingRest != null) {
                Logs.append(app, pendingRest);
                log.add("complete piece");
                pendingRest = null;
                return;
            }
            int n = 1 + rnd.nextInt(15);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String line = newLine();
                written.add(line);
                sb.append(line).append('\n');
            }
            String text = sb.toString();
            if (rnd.nextInt(4) == 0) {
                int cut = text.length() - 1 - rnd.nextInt(Math.min(text.length() - 1, 200));
                pendingRest = text.substring(cut);
                text = text.substring(0, cut);
            }
            Logs.append(app, text);
            log.add("write " + n + " lines L" + seed + "-" + (lineNo - n) + ".." + (lineNo - 1)
                    + (pendingRest != null ? " (last in two pieces)" : ""));
        }

        /** Delivers a line, and notes in the log which file it came from (runs of one file, first..last). */
        final LineSink sink = line -> {
            String text = new String(line.buf(), line.start(), line.length(), java.nio.charset.StandardCharsets.UTF_8);
            delivered.add(text);
            String from = line.source().substring(line.source().lastIndexOf('/') + 1);
            String last = log.isEmpty() ? "" : log.get(log.size() - 1);
            String prefix = "    from " + from + ": ";
            if (last.startsWith(prefix)) {
                log.set(log.size() - 1, last.substring(0, last.lastIndexOf("..") < prefix.length() ? last.length()
                        : last.lastIndexOf("..")) + ".." + id(text));
            } else {
                log.add(prefix + id(text));
            }
        };

        void poll() {
            int times = 1 + rnd.nextInt(3);
            for (int i = 0; i < times; i++) {
                follower.poll(sink);
            }
            polledKey = keyOf(app);
            log.add("poll x" + times + " -> " + delivered.size() + " delivered");
        }

        static String id(String line) {
            int sp = line.indexOf(' ');
            return sp < 0 ? "FRAGMENT(" + line.length() + ")" : line.substring(0, sp);
        }

        void takeCheckpoint() {
            checkpoint = follower.positions();
            checkpointCount = delivered.size();
            if (unsafeKey != null && checkpoint.stream().allMatch(p -> !unsafeKey.equals(p.fileKey()) || p.isDone())) {
                unsafeKey = null;
            }
            log.add("checkpoint at " + checkpointCount + ": " + checkpoint);
        }

        void crash() {
            if (unsafeKey != null) {
                return; // a deleted file's unread lines exist only in the running follower: a crash would lose them for real
            }
            follower.close();
            delivered.subList(checkpointCount, delivered.size()).clear();
            follower = newFollower(checkpoint);
            log.add("crash, restart from " + checkpointCount);
            poll();
        }

        boolean quiet() {
            return pendingRest == null;
        }

        void rollover() throws IOException {
            if (!quiet() || !Files.exists(app)) {
                return;
            }
            // Logback 1.6 renames to the archive name without .gz; 1.5 adds <nanoTime>.tmp to it.
            String archive = "app.2026-11-24." + rotation++ + ".log";
            Path tmp = dir.resolve(logback15 ? archive + System.nanoTime() + ".tmp" : archive);
            Files.move(app, tmp);
            uncompressed.add(tmp);
            log.add("rollover to " + tmp.getFileName());
            if (rnd.nextBoolean()) {
                createActive();
            }
        }

        void createActive() throws IOException {
            if (!Files.exists(app)) {
                Files.createFile(app);
                log.add("create app.log");
            }
        }

        void compressStep() throws IOException {
            Path tmp = uncompressed.peek();
            if (tmp == null) {
                return;
            }
            Path gz = dir.resolve(NameOrder.normalize(tmp.getFileName().toString()) + ".gz");
            if (!Files.exists(gz) && rnd.nextBoolean()) {
                Logs.halfGzip(tmp, gz, 10 + rnd.nextInt(200));
                halfWritten.put(tmp, true);
                log.add("half gzip " + gz.getFileName());
            } else if (!Files.exists(gz) || halfWritten.getOrDefault(tmp, false)) {
                Logs.gzip(tmp, gz);
                halfWritten.put(tmp, false);
                log.add("gzip " + gz.getFileName());
            } else {
                Files.delete(tmp);
                uncompressed.poll();
                log.add("delete " + tmp.getFileName());
            }
        }

        void copyTruncate() throws IOException {
            if (!quiet() || !Files.exists(app)) {
                return;
            }
            Path copy = dir.resolve(numberedCopies ? "app.log." + ++copies : "app.2026-11-24." + rotation++ + ".log");
            Files.copy(app, copy);
            if (rnd.nextInt(3) == 0) {
                poll(); // the copy is there, the truncation not yet
            }
            try (var ch = java.nio.channels.FileChannel.open(app, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
            uncompressed.add(copy);
            log.add("copy-truncate to " + copy.getFileName());
        }

        static String keyOf(Path p) {
            try {
                return String.valueOf(Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            } catch (IOException e) {
                return null;
            }
        }

        void recreate() throws IOException {
            // Deleting a file loses its lines unless the follower holds it open (it saw it at its last poll).
            if (!quiet() || !Files.exists(app) || !keyOf(app).equals(polledKey) || unsafeKey != null) {
                return;
            }
            unsafeKey = keyOf(app);
            Files.delete(app);
            log.add("delete app.log (" + unsafeKey + ")");
            if (rnd.nextBoolean()) {
                createActive();
            }
        }

        void finish() throws IOException {
            write();
            while (pendingRest != null) {
                write();
            }
            createActive();
            for (int round = 0; round < 4; round++) {
                poll();
                for (int i = 0; i < 10_000 && follower.poll(sink) > 0; i++) {
                    // drain
                }
                clock.advance(WAIT.plusSeconds(1));
            }
            log.add("finished: " + delivered.size() + " delivered, " + written.size() + " written");
        }

        void check() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String d : delivered) {
                counts.merge(d, 1, Integer::sum);
            }
            List<String> twice = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > 1) {
                    twice.add(e.getKey().substring(0, Math.min(20, e.getKey().length())) + " x" + e.getValue());
                }
            }
            for (String w : written) {
                if (!counts.containsKey(w)) {
                    missing.add(w.substring(0, Math.min(20, w.length())));
                }
            }
            List<String> unknown = new ArrayList<>(counts.keySet());
            unknown.removeAll(new java.util.HashSet<>(written));
            if (!twice.isEmpty() || !missing.isEmpty() || !unknown.isEmpty()) {
                fail("delivered twice " + twice + ", never " + missing + ", not written " + unknown.size());
            }
            assertEquals(written.size(), delivered.size());
        }
    }
}
