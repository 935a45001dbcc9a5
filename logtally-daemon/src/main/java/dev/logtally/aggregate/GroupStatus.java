package dev.logtally.aggregate;

import java.util.Objects;

/**
 * The status of one error group, as an operator set it: {@link State#UNRESOLVED} (the default),
 * {@link State#RESOLVED} (now, in a release, or in the next release) or {@link State#IGNORED}.
 * Immutable; part of {@link ErrorGroupView} and of the checkpoint.
 *
 * <p>Regression rule (where it is applied: {@code ErrorGroups}): a group resolved {@link #inRelease() in
 * release V} regresses on an event whose release compares at or after V ({@link ReleaseOrder}); an event
 * from an older release still running does not. Resolved "in the next release" means: the release after
 * the newest release the group had been seen in at the time of resolving ({@link #afterRelease()}); the
 * first event of any later release regresses it. Resolved "now" (no release): any later event regresses it.
 * An ignored group never alerts.
 *
 * <pre>{@code
 * GroupStatus s = GroupStatus.resolvedIn("2.4.1", clock.millis());
 * s.state();        // RESOLVED
 * s.describe();     // "resolved in 2.4.1"
 * }</pre>
 *
 * @param state           the status
 * @param inRelease       resolved in this release (regresses from it on), or null
 * @param afterRelease    resolved "in the next release": regresses from any release after this one, or null
 * @param changedAtMillis when the status was last set (wall clock, epoch ms), or 0 when never set
 */
public record GroupStatus(State state, String inRelease, String afterRelease, long changedAtMillis) {

    /** The status of a group nobody has touched. */
    public static final GroupStatus UNRESOLVED = new GroupStatus(State.UNRESOLVED, null, null, 0);

    /** The three states of a group. */
    public enum State {
        UNRESOLVED, RESOLVED, IGNORED;

        /** The lower-case name used on the command line, in JSON and in metrics: {@code resolved}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GroupStatus {
        Objects.requireNonNull(state, "state");
        if (state != State.RESOLVED && (inRelease != null || afterRelease != null)) {
            throw new IllegalArgumentException("only a resolved group has a release");
        }
        if (inRelease != null && afterRelease != null) {
            throw new IllegalArgumentException("resolved either in a release or after one, not both");
        }
    }

    /** Resolved now: any later event regresses it. */
    public static GroupStatus resolved(long atMillis) {
        return new GroupStatus(State.RESOLVED, null, null, atMillis);
    }

    /** Resolved in {@code release}: an event of that release or a later one regresses it. */
    public static GroupStatus resolvedIn(String release, long atMillis) {
        return new GroupStatus(State.RESOLVED, Objects.requireNonNull(release, "release"), null, atMillis);
    }

    /** Resolved in the release after {@code newestSeen} (null: no release seen yet, so like {@link #resolved}). */
    public static GroupStatus resolvedAfter(String newestSeen, long atMillis) {
        return new GroupStatus(State.RESOLVED, null, newestSeen, atMillis);
    }

    public static GroupStatus ignored(long atMillis) {
        return new GroupStatus(State.IGNORED, null, null, atMillis);
    }

    public static GroupStatus unresolved(long atMillis) {
        return new GroupStatus(State.UNRESOLVED, null, null, atMillis);
    }

    /** For people: {@code unresolved}, {@code resolved}, {@code resolved in 2.4.1}, {@code resolved after 2.4.1}, {@code ignored}. */
    public String describe() {
        if (inRelease != null) {
            return "resolved in " + inRelease;
        }
        if (afterRelease != null) {
            return "resolved after " + afterRelease;
        }
        return state.label();
    }
}
