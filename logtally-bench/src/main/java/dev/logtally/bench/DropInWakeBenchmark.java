package dev.logtally.bench;

import dev.logtally.logback.EventRing;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the paced async caller ({@link DropInGate#PACED}) pays for waking the drop-in's worker, without
 * Logback: one {@code put} into an {@link ArrayBlockingQueue} (the queue Logback's {@code AsyncAppender}
 * uses) every 100 µs or more, with a consumer thread asleep in {@code take()} ({@code CONSUMER_WAITING}:
 * each put has to wake it) and without one ({@code NO_CONSUMER}: the queue is emptied during the pause);
 * and one {@code put} into the {@link EventRing} of {@code NeverDropAsyncAppender}, whose consumer is not
 * woken but looks every {@value #POLL_MS} ms, as that appender's worker does when idle ({@code RING_POLLING}).
 *
 * <pre>{@code
 * java -jar logtally-bench/target/benchmarks.jar DropInWake -f 1 -wi 3 -i 5 -w 2s -r 3s
 * }</pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DropInWakeBenchmark {
    /** {@code CONSUMER_WAITING}, {@code NO_CONSUMER} or {@code RING_POLLING}. */
    @Param({"CONSUMER_WAITING", "NO_CONSUMER", "RING_POLLING"})
    public String consumer;

    /** The ring consumer's sleep when it finds nothing: NeverDropAsyncAppender's default maxLatency. */
    static final long POLL_MS = 5;
    private static final long PAUSE = TimeUnit.MICROSECONDS.toNanos(100);
    private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(8192);
    private final EventRing<Object> ring = new EventRing<>(8192);
    private final Object item = new Object();
    private volatile boolean running = true;
    private boolean useRing;
    private Thread worker;

    /** Starts the consumer thread, if any. */
    @Setup(Level.Trial)
    public void start() {
        if (consumer.equals("CONSUMER_WAITING")) {
            worker = new Thread(() -> {
                try {
                    while (true) {
                        queue.take();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "drop-in-wake-consumer");
            worker.setDaemon(true);
            worker.start();
        } else if (consumer.equals("RING_POLLING")) {
            useRing = true;
            worker = new Thread(() -> {
                while (running) {
                    if (ring.poll() == null) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MS));
                    }
                }
            }, "drop-in-wake-ring-consumer");
            worker.setDaemon(true);
            worker.start();
        } else if (!consumer.equals("NO_CONSUMER")) {
            throw new IllegalArgumentException("consumer must be CONSUMER_WAITING, NO_CONSUMER or RING_POLLING, not " + consumer);
        }
    }

    /** The pause between two puts; not measured. */
    @Setup(Level.Invocation)
    public void pause() {
        if (worker == null) {
            queue.clear();
        }
        LockSupport.parkNanos(PAUSE);
    }

    /** Stops the consumer thread. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (worker != null) {
            running = false;
            worker.interrupt();
            worker.join();
        }
    }

    /** One put after a pause. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void put() throws InterruptedException {
        if (useRing) {
            ring.put(item);
        } else {
            queue.put(item);
        }
    }
}
