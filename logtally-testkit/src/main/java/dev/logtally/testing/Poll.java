package dev.logtally.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline: tests never sleep for a fixed time. */
public final class Poll {
    private Poll() {
    }

    /** Polls {@code condition} every few milliseconds until it holds; fails with {@code what} after {@code timeout}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, () -> what, condition);
    }

    /**
     * Polls {@code condition} until it holds; after {@code timeout} fails with the description {@code what}
     * gives then (e.g. the last value seen, so a failure says how far it got).
     */
    public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 50_000_000L);
        }
    }

    /** Polls {@code supplier} until it returns non-null, and returns that value. */
    public static <T> T forValue(Duration timeout, String what, Supplier<T> supplier) {
        Object[] box = new Object[1];
        until(timeout, what, () -> (box[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }
}
