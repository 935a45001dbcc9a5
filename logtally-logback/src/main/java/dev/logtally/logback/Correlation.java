package dev.logtally.logback;

import java.util.Objects;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Correlation scopes: while a scope is open, every event the thread logs carries its ID in the
 * {@value #MDC_KEY} field (through SLF4J's MDC, so the line stays plain logstash JSON). Closing a scope
 * puts back the ID that was there before, so scopes nest; use them with try-with-resources.
 *
 * <pre>{@code
 * try (Correlation.Scope request = Correlation.resume(httpRequest.getHeader("X-Request-Id"))) {
 *     response.setHeader("X-Request-Id", request.id());
 *     log.info("handling {}", path);                       // "correlation_id": request.id()
 *     try (Correlation.Scope job = Correlation.open()) {   // a sub-task with its own ID
 *         ...
 *     }                                                   // back to request.id()
 * }                                                       // back to what was there before
 * }</pre>
 *
 * To carry the ID onto other threads, wrap the work with {@link Correlated}.
 */
public final class Correlation {
    /** The MDC key, and so the JSON field, that holds the ID (CONTRACT §3). */
    public static final String MDC_KEY = "correlation_id";

    private static final RejectedIdNotice NOTICE = new RejectedIdNotice(LoggerFactory.getLogger(Correlation.class));

    private Correlation() {
    }

    /** Opens a scope with a {@linkplain CorrelationId#generate fresh} ID. */
    public static Scope open() {
        return new Scope(CorrelationId.generate());
    }

    /**
     * Opens a scope with an ID the program made itself (from a job key, a session number).
     *
     * @throws IllegalArgumentException if {@code id} is not {@linkplain CorrelationId#isSafe safe}; for
     *                                  IDs that come from outside use {@link #resume(String)}
     */
    public static Scope open(String id) {
        String reason = CorrelationId.rejectionReason(id);
        if (reason != null) {
            throw new IllegalArgumentException("unsafe correlation ID: " + reason);
        }
        return new Scope(id);
    }

    /**
     * Opens a scope that continues the work of an inbound ID (a header, a message attribute) when it is
     * {@linkplain CorrelationId#isSafe safe}, and otherwise starts a fresh ID. The rejected value never
     * reaches a log: an event of this class's logger says what was replaced and why, at INFO once per kind
     * of rejection and at DEBUG after that (see {@link RejectedIdNotice}).
     */
    public static Scope resume(String inbound) {
        return resume(inbound, NOTICE);
    }

    /** {@link #resume(String)}, reporting a replaced ID to {@code notice} (a test's own). */
    static Scope resume(String inbound, RejectedIdNotice notice) {
        CorrelationId.Rejection rejection = CorrelationId.rejection(inbound);
        if (rejection == null) {
            return new Scope(inbound);
        }
        Scope scope = new Scope(CorrelationId.generate());
        if (inbound != null) {
            notice.replaced(inbound.length(), rejection, scope.id());
        }
        return scope;
    }

    /** The ID of the innermost open scope on this thread, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    private static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    /**
     * An open correlation scope; {@link #close()} restores the previous ID (or none). Close scopes in the
     * reverse order of opening, on the thread that opened them: try-with-resources does both.
     *
     * <p>Cost: Logback's MDC copies the thread's map for the next event after every change, so a scope
     * changes it as little as it can: opening reads the previous ID and writes the new one; closing
     * writes the previous one back (or removes the key). A scope whose ID is the one already in place (a
     * {@link Correlated} task run on the thread that handed it over, say) writes nothing at all.
     */
    public static final class Scope implements AutoCloseable {
        private final String id;
        private final String previous;
        private final Thread owner;
        /** Whether opening wrote to the MDC (the ID differed from the one in place). */
        private final boolean changed;
        private boolean closed;

        /** Sets {@code id} (null: no ID) for this thread until {@link #close()}. */
        Scope(String id) {
            this.id = id;
            this.previous = current();
            this.owner = Thread.currentThread();
            this.changed = !Objects.equals(id, previous);
            if (changed) {
                set(id);
            }
        }

        /** The ID this scope put in place (null only for a scope that carries "no ID" onto a thread). */
        public String id() {
            return id;
        }

        /**
         * Restores the ID that was current when this scope opened. A second call does nothing.
         *
         * @throws IllegalStateException on another thread than the one that opened the scope (the MDC is
         *                               per thread, so closing there would change the wrong thread's ID)
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a correlation scope must be closed on the thread that opened it ("
                        + owner.getName() + "), not on " + Thread.currentThread().getName());
            }
            closed = true;
            // An unchanged scope restores only if code inside it wrote the MDC key itself.
            if (changed || !Objects.equals(current(), previous)) {
                set(previous);
            }
        }
    }
}
