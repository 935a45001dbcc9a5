package dev.logtally.issues;

import java.util.List;
import java.util.Optional;

/**
 * Where the issues page takes its issues from, and where a status change goes: the running tailer's error
 * groups, or the groups of {@code logtally errors} over archives (read-only, {@link ArchiveIssues}).
 * Implementations are called from the HTTP threads, never from the tailer's reader thread, and hand out
 * immutable views.
 *
 * <pre>{@code
 * IssueSource source = ArchiveIssues.of(result);
 * List<Issue> all = source.issues();
 * source.change(fingerprint, new StatusChange(Status.IGNORED, null, false));   // UnsupportedOperationException when read-only
 * }</pre>
 */
public interface IssueSource {
    /** Every issue, in no particular order. */
    List<Issue> issues();

    /** The issue of {@code fingerprint}, if there is one. */
    Optional<Issue> issue(String fingerprint);

    /** True when {@link #change} may be called. */
    boolean writable();

    /**
     * Applies {@code change} and returns the issue as it is then.
     *
     * @throws java.util.NoSuchElementException    when there is no such issue
     * @throws UnsupportedOperationException       when the source is read-only
     * @throws IllegalArgumentException            when the change is impossible
     */
    Issue change(String fingerprint, StatusChange change);
}
