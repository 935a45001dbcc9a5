package dev.logtally.issues;

import java.util.List;

/**
 * One issue (an error group) as the issues page and its JSON API show it: an immutable view, taken from
 * an {@link IssueSource}. Every string in it may come from a log, and is escaped wherever it is written.
 *
 * <pre>{@code
 * Issue i = source.issue("3f2a9c01d4e5b6a7").orElseThrow();
 * out.println(i.errorType() + " " + i.count() + " " + i.status().wire());
 * }</pre>
 *
 * @param fingerprint         the group's key, as URLs name it
 * @param errorType           the error type the group counts under
 * @param stackHash           the stack hash, or the empty string
 * @param count               events in the group
 * @param firstSeen           time of the earliest event (epoch ms), or {@link dev.logtally.parse.Event#NO_TIME}
 * @param lastSeen            time of the latest event, or {@code NO_TIME}
 * @param sampleMessage       the latest event's message, or null
 * @param sampleCorrelationId the latest sample's correlation ID (its breadcrumbs), or null
 * @param samples             correlation IDs of other samples, newest first (may be empty)
 * @param services            services seen, sorted
 * @param methods             methods affected, sorted
 * @param releases            releases seen, sorted
 * @param firstRelease        the release the group first appeared in, or null
 * @param status              the status
 * @param resolvedIn          with {@link Status#RESOLVED}: the release it was resolved in, or null
 * @param resolvedInNext      with {@link Status#RESOLVED}: resolved in the next release
 * @param regressed           seen again after it was resolved
 * @param stackLines          the sample's first stack-trace lines (bounded; may be empty)
 * @param hourly              events per hour, or {@link Hourly#NONE}
 */
public record Issue(String fingerprint, String errorType, String stackHash, long count, long firstSeen,
                    long lastSeen, String sampleMessage, String sampleCorrelationId, List<String> samples,
                    List<String> services, List<String> methods, List<String> releases, String firstRelease,
                    Status status, String resolvedIn, boolean resolvedInNext, boolean regressed,
                    List<String> stackLines, Hourly hourly) {

    public Issue {
        samples = List.copyOf(samples);
        services = List.copyOf(services);
        methods = List.copyOf(methods);
        releases = List.copyOf(releases);
        stackLines = List.copyOf(stackLines);
    }
}
