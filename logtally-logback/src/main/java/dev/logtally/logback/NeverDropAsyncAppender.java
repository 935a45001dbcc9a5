package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import ch.qos.logback.core.util.Duration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An asynchronous appender that never drops an event and never makes the logging thread wake anyone: the
 * drop-in's {@code LOGTALLY} appender, in place of Logback's {@code AsyncAppender}.
 *
 * <p>Why not {@code AsyncAppender}: its worker sleeps in {@code ArrayBlockingQueue.take()}, so in a calm
 * service every event pays for waking it (a futex call: the caller's median was 7 µs instead of 0.36 µs
 * when busy, see docs/BENCHMARKS.md, issue 2). Here the caller only puts the event into a bounded
 * lock-free ring ({@link EventRing}). The worker writes what it finds, spins and yields briefly after
 * work, then sleeps for {@code maxLatency} at most and looks again ({@link IdleBackoff}): an event waits at
 * most about {@code maxLatency} before it is written, and an idle service costs {@code 1 s / maxLatency}
 * wake-ups per second (0.7% of a core at 5 ms on a 2-core VM).
 *
 * <p>What it keeps of {@code AsyncAppender} (Logback 1.6.6), because it replaces it in the drop-in:
 * appenders attached with {@code <appender-ref>}; {@code prepareForDeferredProcessing()} and, when
 * {@code includeCallerData} is set, the caller data taken on the caller's thread; configuration errors
 * (no appender attached, {@code queueSize} &lt; 1, {@code maxLatency} &lt; 1 ms or not a Logback duration,
 * {@code maxFlushTime} &lt; 0) reported through the
 * status system, the appender then not started; {@code stop()} writes the whole queue and only then stops
 * the attached appenders (waiting at most {@code maxFlushTime} ms, 0 = until empty). Differences, all on
 * purpose: a full queue always blocks the caller (no {@code discardingThreshold}, no {@code neverBlock});
 * the worker is never interrupted (an interrupt breaks the compression wait of
 * {@link ShutdownSafeRollingFileAppender}); an exception from an attached appender is reported and the
 * worker goes on with the next event; events logged by the worker thread itself (an attached appender
 * that logs while it writes) are kept aside and written right after the event being written, in their
 * order, without waiting for room (that would deadlock) and without writing them re-entrantly (Logback's
 * re-entrancy guard would drop them); several attached appenders are allowed.
 *
 * <pre>{@code
 * <appender name="LOGTALLY" class="dev.logtally.logback.NeverDropAsyncAppender">
 *   <queueSize>8192</queueSize>
 *   <maxLatency>5 milliseconds</maxLatency>
 *   <maxFlushTime>0</maxFlushTime>
 *   <appender-ref ref="LOGTALLY_FILE"/>
 * </appender>
 * }</pre>
 */
public class NeverDropAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    /** Default {@code queueSize}: events held before a caller has to wait. */
    public static final int DEFAULT_QUEUE_SIZE = 8192;
    /** Default {@code maxLatency} in milliseconds: the worker's longest sleep while the queue is empty. */
    public static final long DEFAULT_MAX_LATENCY_MS = 5;
    /** The worker tells waiting callers about freed room at least every this many events. */
    private static final int SIGNAL_EVERY = 64;
    /** The worker's sleep while stop() waits for callers still putting an event. */
    private static final long STOPPING_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            IN_FLIGHT = MethodHandles.lookup().findVarHandle(NeverDropAsyncAppender.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Callers between their check of {@code started} and the end of their put: the worker waits for them at
     * stop. A field, not an AtomicInteger: one object fewer for a caller with cold caches to reach.
     */
    private volatile int inFlight;
    private final AtomicLong failedEvents = new AtomicLong();
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private Duration maxLatency = Duration.buildByMilliseconds(DEFAULT_MAX_LATENCY_MS);
    /** The text of a maxLatency that is not a Logback duration, else null. */
    private String badMaxLatency;
    private int maxFlushTime;
    private boolean includeCallerData;
    private volatile EventRing<ILoggingEvent> ring;
    private volatile Thread worker;
    /** Events logged by the worker thread itself (an attached appender that logs); touched by the worker only. */
    private final ArrayDeque<ILoggingEvent> ownEvents = new ArrayDeque<>();

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        boolean ok = true;
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("No attached appenders found: add an <appender-ref> to [" + name + "].");
            ok = false;
        }
        if (queueSize < 1) {
            addError("Invalid queueSize [" + queueSize + "] of [" + name + "]: it must be at least 1.");
            ok = false;
        }
        if (badMaxLatency != null) {
            addError("Invalid maxLatency [" + badMaxLatency + "] of [" + name + "]: not a Logback duration; write e.g. \"5\" or \"5 milliseconds\".");
            ok = false;
        } else if (maxLatency.getMilliseconds() < 1) {
            addError("Invalid maxLatency [" + maxLatency + "] of [" + name + "]: it must be at least 1 millisecond.");
            ok = false;
        }
        if (maxFlushTime < 0) {
            addError("Invalid maxFlushTime [" + maxFlushTime + "] of [" + name + "]: 0 (wait until empty) or more milliseconds.");
            ok = false;
        }
        if (!ok) {
            return;
        }
        ring = new EventRing<>(Math.max(2, queueSize));
        long sleep = TimeUnit.MILLISECONDS.toNanos(maxLatency.getMilliseconds());
        Thread w = new Thread(() -> drain(sleep), "logtally-async-" + name);
        w.setDaemon(true);
        worker = w;
        // Started before the worker runs: it loops while the appender is started.
        super.start();
        w.start();
        addInfo("[" + name + "] started: queueSize " + queueSize + ", maxLatency " + maxLatency + ", maxFlushTime "
                + maxFlushTime + " ms");
    }

    /** Called by Logback on the logging thread: prepares the event for another thread and queues it. */
    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        if (includeCallerData) {
            event.getCallerData();
        }
        if (Thread.currentThread() == worker) {
            // An attached appender logging while it writes: the worker cannot wait for room that only it can
            // make, nor write the event now (the appender's re-entrancy guard would drop it without a word).
            // It is written right after the event being written, in the order it was logged.
            ownEvents.add(event);
            return;
        }
        IN_FLIGHT.getAndAdd(this, 1);
        try {
            // Re-checked after announcing this put: stop() cannot miss it (see drain's exit condition).
            if (!started) {
                addWarn("[" + name + "] stopped while an event was being logged; it was not written: "
                        + event.getFormattedMessage());
                return;
            }
            ring.put(event);
        } finally {
            IN_FLIGHT.getAndAdd(this, -1);
        }
    }

    /** The worker: writes every event it finds, and sleeps at most {@code sleepNanos} when there is none. */
    private void drain(long sleepNanos) {
        EventRing<ILoggingEvent> queue = ring;
        IdleBackoff backoff = new IdleBackoff(sleepNanos, this);
        while (true) {
            int written = 0;
            for (ILoggingEvent e; (e = queue.poll()) != null; ) {
                dispatch(e);
                for (ILoggingEvent own; (own = ownEvents.poll()) != null; ) {
                    dispatch(own);
                }
                if (++written % SIGNAL_EVERY == 0) {
                    queue.signalRoom();
                }
            }
            if (written > 0) {
                queue.signalRoom();
                backoff.reset();
                continue;
            }
            // Order matters: started false, then no caller in flight, then nothing queued means no event
            // can arrive any more (a caller announces itself before it checks started).
            if (!started && inFlight == 0 && queue.isEmpty()) {
                break;
            }
            // Nobody interrupts this worker on purpose (stop() unparks it), but an attached appender may
            // leave the flag set (restoring it after an InterruptedException): with it set, every park
            // returns at once and the idle worker would spin on a whole core.
            Thread.interrupted();
            if (started) {
                backoff.idle();
            } else {
                // Stopping, a caller still putting: look again soon, not after a whole maxLatency.
                LockSupport.parkNanos(this, STOPPING_POLL_NANOS);
            }
        }
        appenders.detachAndStopAllAppenders();
    }

    private void dispatch(ILoggingEvent event) {
        try {
            appenders.appendLoopOnAppenders(event);
        } catch (Throwable e) { // a checked one too: Kotlin, or a sneaky throw, need not declare it
            failedEvents.incrementAndGet();
            addError("[" + name + "] an attached appender failed on an event (written by none after it); going on", e);
        }
    }

    /**
     * Stops taking events, wakes the worker, and returns when it has written every queued event and stopped
     * the attached appenders, or after {@code maxFlushTime} ms (0: no limit), with a warning.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        Thread w = worker;
        LockSupport.unpark(w);
        if (Thread.currentThread() == w) {
            addWarn("[" + name + "] stopped by its own worker thread; the worker writes what is queued and then stops the attached appenders");
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            w.join(maxFlushTime);
            if (w.isAlive()) {
                addWarn("[" + name + "] maxFlushTime (" + maxFlushTime + " ms) exceeded with about " + ring.size()
                        + " events queued; the worker goes on writing them in the background");
            } else {
                addInfo("[" + name + "] queue written, attached appenders stopped");
            }
        } catch (InterruptedException e) {
            interrupted = true;
            addWarn("[" + name + "] interrupted while waiting for the queue to be written; about " + ring.size()
                    + " events still queued; the worker goes on writing them in the background");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events the queue holds before a caller has to wait for room (at least 1, 1 holding 2: the ring's least; default 8192). */
    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** The worker's longest sleep while the queue is empty, i.e. about the longest wait of an event (default 5 ms). */
    public Duration getMaxLatency() {
        return maxLatency;
    }

    /**
     * Sets {@code maxLatency} from its text in the XML, written as Logback writes durations: {@code 5} or
     * {@code 5 milliseconds}, {@code 0.5 seconds}. Text that is not one is reported by {@link #start()}.
     */
    public void setMaxLatency(String text) {
        try {
            maxLatency = Duration.valueOf(text.strip());
            badMaxLatency = null;
        } catch (IllegalArgumentException e) {
            badMaxLatency = text;
        }
    }

    /** Longest wait of {@link #stop()} for the queue to be written, in milliseconds; 0 (the default): no limit. */
    public int getMaxFlushTime() {
        return maxFlushTime;
    }

    public void setMaxFlushTime(int maxFlushTime) {
        this.maxFlushTime = maxFlushTime;
    }

    /** Whether the caller's class, method and line are taken (on the caller's thread; costly). */
    public boolean isIncludeCallerData() {
        return includeCallerData;
    }

    public void setIncludeCallerData(boolean includeCallerData) {
        this.includeCallerData = includeCallerData;
    }

    /** Events queued and not yet written (0 before start). */
    public int getNumberOfElementsInQueue() {
        EventRing<ILoggingEvent> r = ring;
        return r == null ? 0 : r.size();
    }

    /** How many times a caller found the queue full and waited for room. */
    public long getFullQueueWaits() {
        EventRing<ILoggingEvent> r = ring;
        return r == null ? 0 : r.fullWaits();
    }

    /** Events on which an attached appender threw. */
    public long getFailedEventCount() {
        return failedEvents.get();
    }

    /** The worker thread of the current start (null before the first); for tests and diagnostics. */
    Thread worker() {
        return worker;
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        addInfo("Attaching appender named [" + appender.getName() + "] to [" + name + "].");
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String appenderName) {
        return appenders.getAppender(appenderName);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String appenderName) {
        return appenders.detachAppender(appenderName);
    }
}
