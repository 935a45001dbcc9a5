package dev.logtally.state;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Second JVMs for the tests that need another process: one that holds a state dir's lock, one that saves
 * checkpoints in a loop until it is killed.
 */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static Process start(Class<?> main, String... args) throws IOException {
        return start(List.of(), main, args);
    }

    /** Starts {@code main} in a new JVM, the command prefixed by {@code wrapper} (e.g. setpriv and its options). */
    static Process start(List<String> wrapper, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Locks the dir, prints "locked", and holds the lock until its stdin closes. */
    static final class HoldLock {
        public static void main(String[] args) throws IOException {
            try (CheckpointStore store = CheckpointStore.open(Path.of(args[0]))) {
                System.out.println("locked " + store.dir());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our stdin
                }
            }
        }
    }

    /** Opens the dir and loads: prints "loaded" or the {@link StateException}'s message. */
    static final class Load {
        public static void main(String[] args) {
            try (CheckpointStore store = CheckpointStore.open(Path.of(args[0]))) {
                store.load();
                System.out.println("loaded");
            } catch (StateException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    /** Saves checkpoint 1, 2, 3, … (savedAtMillis and lines = i) until killed. */
    static final class SaveForever {
        public static void main(String[] args) {
            try (CheckpointStore store = CheckpointStore.open(Path.of(args[0]))) {
                for (long i = 1; ; i++) {
                    store.save(numbered(i));
                }
            }
        }
    }

    static Checkpoint numbered(long i) {
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            series.add(Series.counter(List.of("type" + k, "svc"), i));
        }
        return Checkpoint.of(i, "app", List.of(), new MetricSnapshot(List.of(
                new MetricFamily("app_errors_total", MetricType.COUNTER, "h", List.of("error_type", "service"), null, series),
                new MetricFamily("logtally_lines_total", MetricType.COUNTER, "h", List.of(), null,
                        List.of(Series.counter(List.of(), i))))));
    }
}
