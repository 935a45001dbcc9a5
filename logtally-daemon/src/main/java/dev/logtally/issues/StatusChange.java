package dev.logtally.issues;

/**
 * What a {@code POST /api/issues/<fingerprint>/status} asks for: a new status and, for {@code resolved},
 * whether it is resolved now, in a given release, or in the next release. Checked when built.
 *
 * <pre>{@code
 * StatusChange c = new StatusChange(Status.RESOLVED, "2.4.2", false);
 * }</pre>
 *
 * @param status        the new status
 * @param inRelease     resolved in this release (only with {@link Status#RESOLVED}), or null
 * @param inNextRelease resolved in the next release seen (only with {@link Status#RESOLVED})
 */
public record StatusChange(Status status, String inRelease, boolean inNextRelease) {
    /** Longest release name accepted. */
    public static final int MAX_RELEASE = 128;

    public StatusChange {
        if (status == null) {
            throw new IllegalArgumentException("status must be one of unresolved, resolved, ignored");
        }
        if (inRelease != null && (inRelease.isBlank() || inRelease.length() > MAX_RELEASE)) {
            throw new IllegalArgumentException("in_release must be a release name of 1.." + MAX_RELEASE + " characters, or null");
        }
        if ((inRelease != null || inNextRelease) && status != Status.RESOLVED) {
            throw new IllegalArgumentException("in_release and in_next_release go only with status resolved");
        }
        if (inRelease != null && inNextRelease) {
            throw new IllegalArgumentException("give in_release or in_next_release, not both");
        }
    }
}
