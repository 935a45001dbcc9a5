package dev.logtally.archive;

import dev.logtally.parse.Event;
import java.util.Comparator;
import java.util.List;

/**
 * One group of {@code logtally errors}: the error events of one {@code error_type} and {@code stack_hash},
 * the way Sentry groups issues.
 *
 * <pre>{@code
 * for (ErrorGroup g : result.groups()) out.println(g.count() + " " + g.errorType());
 * }</pre>
 *
 * @param errorType           the event's {@code error_type}, else the exception's simple class name, else {@code unknown}
 * @param stackHash           the {@code stack_hash}, or the empty string when the events have none
 * @param count               events in the group
 * @param firstSeen           time of the earliest event (epoch ms), or {@link Event#NO_TIME}
 * @param lastSeen            time of the latest event, or {@link Event#NO_TIME}
 * @param sampleMessage       the latest event's message (null when it has none)
 * @param sampleCorrelationId the correlation ID of the latest event that has one: {@code logtally trace} it
 * @param services            the {@code service} values of the events, sorted
 * @param methods             the methods affected, sorted: each event's {@code method}, else the method of the
 *                            latest timed event of the same correlation ID read before it in the same file
 * @param releases            the {@code release} values of the events, sorted
 * @param firstRelease        the release of the earliest event that has one: where the group first appeared
 */
public record ErrorGroup(String errorType, String stackHash, long count, long firstSeen, long lastSeen,
                         String sampleMessage, String sampleCorrelationId, List<String> services,
                         List<String> methods, List<String> releases, String firstRelease) {

    public ErrorGroup {
        services = List.copyOf(services);
        methods = List.copyOf(methods);
        releases = List.copyOf(releases);
    }

    /** Most events first, then most recently seen, then by type and hash. */
    public static final Comparator<ErrorGroup> MOST_FIRST = Comparator.comparingLong(ErrorGroup::count).reversed()
            .thenComparing(Comparator.comparingLong(ErrorGroup::lastSeen).reversed())
            .thenComparing(ErrorGroup::errorType)
            .thenComparing(ErrorGroup::stackHash);
}
