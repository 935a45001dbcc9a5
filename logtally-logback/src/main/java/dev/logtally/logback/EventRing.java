package dev.logtally.logback;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the threads that log and {@link NeverDropAsyncAppender}'s single worker: a
 * lock-free array ring (many producers, one consumer) in which a producer never wakes the consumer. The
 * consumer polls on its own schedule; that is what keeps a caller's cost at a few atomic operations even
 * when the worker sleeps ({@code ArrayBlockingQueue.put} pays for a futex wake-up then).
 *
 * <p>Each slot carries a sequence number that says whose turn it is: {@code p} (free for the producer
 * that claims position {@code p}), {@code p + 1} (holds that producer's element), {@code p + capacity}
 * (taken, free for the next lap). Producers claim positions with one CAS on {@code tail}, so the events
 * of one thread keep their order. A producer that finds the ring full waits on a condition that only the
 * consumer signals, after it has freed slots, and only when someone waits.
 *
 * <pre>{@code
 * EventRing<String> ring = new EventRing<>(8192);
 * ring.put("a");                 // producers; waits while the ring is full
 * String e = ring.poll();        // the one consumer; null when nothing is ready
 * ring.signalRoom();             // the consumer, after polling: wakes producers waiting for room
 * }</pre>
 *
 * <p>Public for the benchmarks ({@code DropInWakeBenchmark} measures it bare); services use it only through
 * {@link NeverDropAsyncAppender}.
 *
 * @param <E> the element type
 */
public final class EventRing<E> {
    /** A producer waiting for room re-checks at least this often, whatever the signals. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle TURNS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TAIL;
    private static final VarHandle HEAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(EventRing.class, "tail", long.class);
            HEAD = lookup.findVarHandle(EventRing.class, "head", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Plain arrays and fields with VarHandles rather than Atomic* objects: a caller that logs after a pause
    // finds its caches cold, and every object it has to go through is one more cache miss.
    private final int capacity;
    private final Object[] slots;
    private final long[] turns;
    /** Next position a producer claims. */
    private volatile long tail;
    /** Next position the consumer takes (written by the consumer only). */
    private volatile long head;
    /** Producers inside {@link #put} waiting for room. */
    private final AtomicInteger waiting = new AtomicInteger();
    /** How many times a producer found the ring full. */
    private final AtomicLong fullWaits = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();

    /** A ring of {@code capacity} slots; at least 2 (the turn scheme cannot tell apart the laps of one slot). */
    public EventRing(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("an EventRing needs at least 2 slots, not " + capacity);
        }
        this.capacity = capacity;
        this.slots = new Object[capacity];
        this.turns = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            turns[i] = i;
        }
        VarHandle.releaseFence();
    }

    /** Adds {@code e} if a slot is free; never blocks. */
    private boolean offer(E e) {
        long pos = tail;
        while (true) {
            int i = index(pos);
            long behind = (long) TURNS.getAcquire(turns, i) - pos;
            if (behind == 0) {
                if (TAIL.compareAndSet(this, pos, pos + 1)) {
                    SLOTS.set(slots, i, e);
                    TURNS.setRelease(turns, i, pos + 1);
                    return true;
                }
                pos = tail;
            } else if (behind < 0) {
                return false;
            } else {
                pos = tail;
            }
        }
    }

    /**
     * Adds {@code e}, waiting while the ring is full (never dropping it). An interrupt does not end the
     * wait; the thread's interrupt flag is set again on return.
     */
    public void put(E e) {
        if (offer(e)) {
            return;
        }
        fullWaits.incrementAndGet();
        boolean interrupted = false;
        waiting.incrementAndGet();
        // With the fence in signalRoom(): either this offer sees the slot the consumer freed, or the
        // consumer sees this waiter and signals.
        VarHandle.fullFence();
        lock.lock();
        try {
            while (!offer(e)) {
                try {
                    room.awaitNanos(RECHECK_NANOS);
                } catch (InterruptedException ie) {
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes the oldest element, or returns null when none is ready. Consumer only. */
    public E poll() {
        long pos = (long) HEAD.get(this);
        int i = index(pos);
        if ((long) TURNS.getAcquire(turns, i) != pos + 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        E e = (E) SLOTS.get(slots, i);
        SLOTS.set(slots, i, null);
        TURNS.setRelease(turns, i, pos + capacity);
        HEAD.setRelease(this, pos + 1);
        return e;
    }

    /** Wakes the producers waiting for room, if any. Consumer only, after {@link #poll()} freed slots. */
    public void signalRoom() {
        VarHandle.fullFence();
        if (waiting.get() > 0) {
            lock.lock();
            try {
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether no position is claimed and not yet taken (including claimed but not yet filled). */
    public boolean isEmpty() {
        return tail == head;
    }

    /** Elements queued (approximate while producers are active). */
    public int size() {
        long n = tail - head;
        return (int) Math.max(0, Math.min(capacity, n));
    }

    /** Slots in the ring. */
    public int capacity() {
        return capacity;
    }

    /** How many times a producer found the ring full and had to wait. */
    public long fullWaits() {
        return fullWaits.get();
    }

    private int index(long pos) {
        return (int) (pos % capacity);
    }
}
