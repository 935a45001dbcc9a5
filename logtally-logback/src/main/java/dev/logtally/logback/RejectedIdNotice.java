package dev.logtally.logback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Says that {@link Correlation#resume} replaced an inbound correlation ID, and why: at INFO the first time
 * for each {@linkplain CorrelationId.Rejection.Kind kind} of rejection (too short, too long, an unsafe
 * character), so an operator learns once that a caller sends IDs logtally cannot keep, with the accepted
 * form; at DEBUG every later time, so a client sending bad IDs on every request cannot flood the log. The
 * rejected value itself is never written, only its length and the reason. The event is logged inside the
 * new scope, so its {@code correlation_id} is the fresh ID too.
 *
 * <pre>{@code
 * INFO  inbound correlation ID of 70 characters replaced by 5f0c...: length 70 outside 8..64 (an ID is kept
 *       when it has 8 to 64 characters, each an ASCII letter, digit, '-', '_', '.' or ':'); later IDs too
 *       long are replaced with a DEBUG note only
 * }</pre>
 */
final class RejectedIdNotice {
    private final Logger log;
    private final Set<CorrelationId.Rejection.Kind> reported = ConcurrentHashMap.newKeySet();

    RejectedIdNotice(Logger log) {
        this.log = log;
    }

    /** Reports that an inbound ID of {@code length} characters, rejected for {@code why}, was replaced by {@code fresh}. */
    void replaced(int length, CorrelationId.Rejection why, String fresh) {
        if (reported.add(why.kind())) {
            log.info("inbound correlation ID of {} characters replaced by {}: {} (an ID is kept when it has {} to {} characters,"
                    + " each an ASCII letter, digit, '-', '_', '.' or ':'); later IDs {} are replaced with a DEBUG note only",
                    length, fresh, why.reason(), CorrelationId.MIN_LENGTH, CorrelationId.MAX_LENGTH, why.kind().words());
        } else if (log.isDebugEnabled()) {
            log.debug("inbound correlation ID of {} characters replaced by {}: {}", length, fresh, why.reason());
        }
    }
}
