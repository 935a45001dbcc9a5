package dev.logtally.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The trial set-up the drop-in benchmarks share: before the trial, {@link DropInLogging} configures the
 * benchmark's {@link DropInConfig} in a fresh LoggerContext and temporary directory; after it, the run is
 * stopped and checked (every event a line on disk, the last line the golden one) and the files deleted. A
 * subclass declares its own {@code @Param} list of configurations and returns it from {@link #config()}.
 *
 * <pre>{@code
 * public class MyDropInBenchmark extends DropInBenchmarkBase {
 *     @Param({"LOGSTASH_ROLLING", "DROPIN_SYNC"}) public DropInConfig config;
 *     DropInConfig config() { return config; }
 *     @Benchmark public void log() { logging.emit(); }
 * }
 * }</pre>
 */
@State(Scope.Thread)
public abstract class DropInBenchmarkBase {
    /** The running configuration; set before the trial, on the thread that logs. */
    protected DropInLogging logging;

    /** The configuration under test (the subclass's {@code @Param}). */
    abstract DropInConfig config();

    /** Configures a fresh LoggerContext writing into a new temporary directory. */
    @Setup(Level.Trial)
    public void start() {
        logging = DropInLogging.start(config());
    }

    /** Stops it, checks that every event is on disk as expected, deletes the files. */
    @TearDown(Level.Trial)
    public void finish() {
        System.out.println("[DropIn] " + logging.finish());
    }
}
