package dev.logtally.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * How {@link DropInAsyncCallerBenchmark} keeps the drop-in's async queue from filling, so that it measures
 * what the caller pays for an event that finds room, not the file writer's speed. The gate runs before each
 * event, outside the measured time.
 *
 * <pre>{@code
 * DropInGate.ROOM.await(logging.asyncQueue());   // then log one event and time it
 * }</pre>
 */
public enum DropInGate {
    /**
     * A busy service below the writer's capacity: events come as fast as the queue takes them while it is
     * at most half full; the worker thread is kept busy and never has to be woken.
     */
    ROOM {
        @Override
        void await(Queue queue) {
            int half = queue.capacity() / 2;
            while (queue.depth().getAsInt() >= half) {
                LockSupport.parkNanos(TIME_SLICE);
            }
        }
    },
    /**
     * A calm service: at least 100 µs between events (under 10,000 events/s), so the worker has written
     * the previous event and is idle (Logback's AsyncAppender: asleep in {@code take()}, each event pays
     * for waking it; NeverDropAsyncAppender: parked for up to maxLatency, nobody wakes it).
     */
    PACED {
        @Override
        void await(Queue queue) {
            LockSupport.parkNanos(PAUSE);
        }
    };

    private static final long TIME_SLICE = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long PAUSE = TimeUnit.MICROSECONDS.toNanos(100);

    /** An async appender's queue, seen from the gate: its capacity and how many events it holds now. */
    public record Queue(int capacity, IntSupplier depth) {
    }

    /** Returns when the next event may be logged. */
    abstract void await(Queue queue);
}
