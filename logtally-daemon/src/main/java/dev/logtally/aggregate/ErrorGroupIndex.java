package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link ErrorGroupsView} over a fixed list of groups: what an archive scan returns and what the
 * tailer publishes after each checkpoint. Lookup by fingerprint is a hash map.
 *
 * <pre>{@code
 * ErrorGroupsView v = ErrorGroupIndex.of(views, 0);
 * v.group("9c1f2e0a4b7d3c55").map(ErrorGroupView::count);
 * }</pre>
 */
public final class ErrorGroupIndex implements ErrorGroupsView {
    /** No groups. */
    public static final ErrorGroupIndex EMPTY = new ErrorGroupIndex(List.of(), 0);

    private final List<ErrorGroupView> groups;
    private final Map<String, ErrorGroupView> byFingerprint;
    private final long dropped;

    private ErrorGroupIndex(List<ErrorGroupView> sorted, long dropped) {
        this.groups = List.copyOf(sorted);
        this.byFingerprint = new HashMap<>(groups.size() * 2);
        for (ErrorGroupView g : groups) {
            byFingerprint.put(g.fingerprint(), g);
        }
        this.dropped = dropped;
    }

    /** The groups (any order; kept most events first) and the count of dropped groups. */
    public static ErrorGroupIndex of(List<ErrorGroupView> groups, long dropped) {
        List<ErrorGroupView> sorted = new ArrayList<>(groups);
        sorted.sort(ErrorGroupView.MOST_FIRST);
        return new ErrorGroupIndex(sorted, dropped);
    }

    @Override
    public List<ErrorGroupView> groups() {
        return groups;
    }

    @Override
    public Optional<ErrorGroupView> group(String fingerprint) {
        return fingerprint == null ? Optional.empty() : Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    @Override
    public long dropped() {
        return dropped;
    }
}
