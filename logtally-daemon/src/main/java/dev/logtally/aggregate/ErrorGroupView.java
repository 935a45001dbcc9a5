package dev.logtally.aggregate;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One error group (a Sentry "issue") as readers see it: an immutable copy, safe to hand to any thread and
 * to keep. What the issues page, {@code logtally errors} and the alerts show; produced by the one grouping
 * implementation ({@code ErrorGroups}) for the running tailer and for an archive scan alike, and read
 * through {@link ErrorGroupsView}.
 *
 * <p>Texts come from logs: they are data, never markup or templates; escape them where they are shown.
 * They are bounded: the sample message to {@value #MAX_MESSAGE} characters, the stack head to
 * {@value #MAX_STACK_LINES} lines of at most {@value #MAX_STACK_LINE} characters, each list to
 * {@value #MAX_VALUES} values (further values are not kept).
 *
 * <pre>{@code
 * ErrorGroupsView groups = daemon.errorGroups();           // or ErrorGroupIndex.of(archiveScanViews)
 * for (ErrorGroupView g : groups.groups()) {
 *     out.println(g.fingerprint() + " " + g.count() + " " + g.errorType() + " " + g.status().describe());
 * }
 * groups.group("9c1f2e0a4b7d3c55").ifPresent(g -> out.println(String.join("\n", g.stackHead())));
 * }</pre>
 *
 * @param fingerprint         the group's key ({@link Fingerprint}): 1-64 of {@code A-Z a-z 0-9 . _ : -}
 * @param errorType           the event's {@code error_type}, else the exception's simple class name, else {@code unknown}
 * @param stackHash           the {@code stack_hash}, or the empty string when the events have none
 * @param count               events in the group (exact; across restarts of the tailer too)
 * @param firstSeen           event time of the earliest event (epoch ms), or {@link #NO_TIME}
 * @param lastSeen            event time of the latest event (epoch ms), or {@link #NO_TIME}
 * @param sampleMessage       the latest event's message, or null
 * @param sampleCorrelationId the correlation ID of the latest event that has one (for {@code logtally trace}), or null
 * @param stackHead           the first lines of the group's stack trace (its events share it: taken from the
 *                            earliest event that has one; empty when none has)
 * @param services            the {@code service} values of the events, sorted
 * @param methods             the methods affected, sorted (each event's {@code method}; {@code errors} over
 *                            archives also the method its request last timed in the same file)
 * @param releases            the {@code release} values of the events, sorted by {@link ReleaseOrder}
 * @param firstRelease        the release of the earliest event that has one, or null
 * @param hourly              events per hour over the last 14 days
 * @param status              unresolved, resolved (in which release) or ignored
 * @param isNew               first seen within the last 24 hours of event time (before the newest event seen)
 * @param regressed           seen again after being resolved, and not resolved again since
 * @param recentSamples       the correlation IDs of the group's latest events, at most {@value #MAX_SAMPLES}
 *                            distinct, latest first (the sample's among them); kept in memory only: after a
 *                            restart from a checkpoint it starts again from the sample's
 */
public record ErrorGroupView(String fingerprint, String errorType, String stackHash, long count, long firstSeen,
                             long lastSeen, String sampleMessage, String sampleCorrelationId, List<String> stackHead,
                             List<String> services, List<String> methods, List<String> releases,
                             String firstRelease, HourlyCounts hourly, GroupStatus status, boolean isNew,
                             boolean regressed, List<String> recentSamples) {

    /** Marker for an absent time: the same as {@code Event.NO_TIME}. */
    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int MAX_MESSAGE = 2000;
    public static final int MAX_STACK_LINES = 10;
    public static final int MAX_STACK_LINE = 300;
    public static final int MAX_VALUES = 50;
    public static final int MAX_SAMPLES = 5;

    public ErrorGroupView {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(stackHash, "stackHash");
        stackHead = List.copyOf(stackHead);
        services = List.copyOf(services);
        methods = List.copyOf(methods);
        releases = List.copyOf(releases);
        recentSamples = List.copyOf(recentSamples);
        Objects.requireNonNull(hourly, "hourly");
        Objects.requireNonNull(status, "status");
    }

    /** Most events first, then most recently seen, then by type, hash and fingerprint: {@code errors}' order. */
    public static final Comparator<ErrorGroupView> MOST_FIRST = Comparator.comparingLong(ErrorGroupView::count)
            .reversed()
            .thenComparing(Comparator.comparingLong(ErrorGroupView::lastSeen).reversed())
            .thenComparing(ErrorGroupView::errorType)
            .thenComparing(ErrorGroupView::stackHash)
            .thenComparing(ErrorGroupView::fingerprint);

    /** Most recently seen first (ties: fingerprint). */
    public static final Comparator<ErrorGroupView> LAST_SEEN_FIRST = Comparator
            .comparingLong(ErrorGroupView::lastSeen).reversed().thenComparing(ErrorGroupView::fingerprint);
}
