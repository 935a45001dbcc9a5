package dev.logtally.aggregate;

import java.util.concurrent.CompletableFuture;

/**
 * The write side of the error groups: changes one group's status (resolve [now | in release V | in the next
 * release], ignore, reopen). One entry point with one guarantee, whoever calls it: the change is applied on
 * the thread that owns the groups, between two reads, and the returned future completes only after the
 * checkpoint holding it is on disk (so a crash right after never takes it back); an unknown fingerprint
 * completes with {@link StatusOutcome#applied()} false and changes nothing.
 *
 * <ul>
 *   <li>In the running tailer: {@code TailDaemon.errorControl()} (the issues page calls this; it must check
 *       its token before, this interface does no authentication).</li>
 *   <li>From another process ({@code logtally errors resolve|ignore|reopen FINGERPRINT --state-dir DIR}):
 *       {@code state.StatusRequests.submit}: under the checkpoint lock when no tailer runs, else through a
 *       request file the running tailer applies and acknowledges at its next checkpoint.</li>
 * </ul>
 *
 * <pre>{@code
 * StatusOutcome o = daemon.errorControl().change(StatusChange.resolve(fp).inRelease("2.4.1"))
 *         .get(10, TimeUnit.SECONDS);
 * }</pre>
 */
@FunctionalInterface
public interface ErrorGroupControl {

    /** Applies {@code change}; completes after it is durable (or exceptionally when the checkpoint failed). */
    CompletableFuture<StatusOutcome> change(StatusChange change);
}
