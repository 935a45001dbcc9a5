package dev.logtally.aggregate;

import java.util.List;
import java.util.Optional;

/**
 * The read side of the error groups: all groups, or one by fingerprint, as immutable {@link ErrorGroupView}s.
 * Implemented by the running tailer ({@code TailDaemon.errorGroups()}: the groups of the last checkpoint,
 * so nothing a crash could take back is shown; cheap to call from any thread, never blocks the reader
 * thread) and by {@link ErrorGroupIndex} over an archive scan ({@code Errors.Result.index()}).
 *
 * <pre>{@code
 * ErrorGroupsView v = daemon.errorGroups();
 * List<ErrorGroupView> all = v.groups();                       // most events first
 * Optional<ErrorGroupView> one = v.group(fingerprintFromUrl);  // empty when unknown
 * }</pre>
 */
public interface ErrorGroupsView {

    /** Every group, most events first ({@link ErrorGroupView#MOST_FIRST}); an unmodifiable list. */
    List<ErrorGroupView> groups();

    /** The group of {@code fingerprint}, or empty (also for null or an invalid fingerprint). */
    Optional<ErrorGroupView> group(String fingerprint);

    /** Groups dropped so far to stay within {@code errors.max.groups} (least recently seen first). */
    long dropped();
}
