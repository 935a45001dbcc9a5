package dev.logtally.source;

/**
 * Receives the {@link Follower}'s notices (rotations, missing or unreadable files, damaged archives,
 * dropped partial lines, lost bytes), on the thread that calls {@link Follower#poll(LineSink)}. The
 * daemon logs {@link FollowerNotice#message()} and counts rotations by kind.
 *
 * <pre>{@code
 * FollowerListener listener = notice -> {
 *     log.warn(notice.message());
 *     if (notice instanceof FollowerNotice.Rotated r) rotations.labels(r.kind().label()).inc();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FollowerListener {

    /** Ignores every notice. */
    FollowerListener NONE = notice -> { };

    void notice(FollowerNotice notice);
}
