package dev.logtally.run;

import java.time.Duration;

/**
 * How the daemon's threads wait: for at most a duration, or until woken. The one place where logtally
 * waits for time to pass, injected so that tests drive the loops without sleeping.
 *
 * <pre>{@code
 * Waiter w = Waiter.monitor();
 * w.await(Duration.ofMillis(200));   // returns early when another thread calls w.wake()
 * }</pre>
 */
public interface Waiter {

    /** Waits for at most {@code max}, or until {@link #wake()}. */
    void await(Duration max) throws InterruptedException;

    /** Ends the current (or the next) {@link #await} early. */
    void wake();

    /** A real waiter on a monitor. A {@link #wake()} before the wait is not lost. */
    static Waiter monitor() {
        return new Waiter() {
            private boolean woken;

            @Override
            public synchronized void await(Duration max) throws InterruptedException {
                long deadline = System.nanoTime() + max.toNanos();
                while (!woken) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    wait(Math.max(1, left / 1_000_000), 0);
                }
                woken = false;
            }

            @Override
            public synchronized void wake() {
                woken = true;
                notifyAll();
            }
        };
    }
}
