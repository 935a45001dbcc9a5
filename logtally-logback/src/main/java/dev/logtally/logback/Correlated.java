package dev.logtally.logback;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries the current correlation ID onto other threads. Each wrapper takes the ID that is current
 * where it is made, and runs the work inside a scope with that ID (or with none, when there was none:
 * a pooled thread never lends one task's ID to the next). The pool thread's own ID is restored after.
 *
 * <pre>{@code
 * Executor pool = Correlated.wrap(Executors.newFixedThreadPool(4)); // IDs follow every task
 * pool.execute(() -> log.info("on the pool"));                       // same correlation_id as here
 *
 * CompletableFuture
 *     .supplyAsync(Correlated.supplier(() -> fetch(key)), ioPool)      // ID taken here, now
 *     .thenApplyAsync(Correlated.function(this::decode), cpuPool)
 *     .thenAccept(Correlated.consumer(v -> log.info("got {}", v)));
 * }</pre>
 */
@SuppressWarnings("try") // scopes and timers are opened for what their close() does
public final class Correlated {
    private Correlated() {
    }

    /** {@code task}, run with the ID current now. */
    public static Runnable wrap(Runnable task) {
        String id = Correlation.current();
        return () -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                task.run();
            }
        };
    }

    /** {@code task}, called with the ID current now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        String id = Correlation.current();
        return () -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                return task.call();
            }
        };
    }

    /** An executor that runs each task with the ID that was current where the task was handed to it. */
    public static Executor wrap(Executor executor) {
        return command -> executor.execute(wrap(command));
    }

    /** {@code supplier}, run with the ID current now (for {@code CompletableFuture.supplyAsync}). */
    public static <T> Supplier<T> supplier(Supplier<T> supplier) {
        String id = Correlation.current();
        return () -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                return supplier.get();
            }
        };
    }

    /** {@code function}, run with the ID current now (for {@code thenApply}, {@code thenCompose}). */
    public static <T, R> Function<T, R> function(Function<T, R> function) {
        String id = Correlation.current();
        return t -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                return function.apply(t);
            }
        };
    }

    /** {@code consumer}, run with the ID current now (for {@code thenAccept}). */
    public static <T> Consumer<T> consumer(Consumer<T> consumer) {
        String id = Correlation.current();
        return t -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                consumer.accept(t);
            }
        };
    }

    /** {@code function}, run with the ID current now (for {@code handle}, {@code thenCombine}). */
    public static <T, U, R> BiFunction<T, U, R> biFunction(BiFunction<T, U, R> function) {
        String id = Correlation.current();
        return (t, u) -> {
            try (Correlation.Scope ignored = new Correlation.Scope(id)) {
                return function.apply(t, u);
            }
        };
    }
}
