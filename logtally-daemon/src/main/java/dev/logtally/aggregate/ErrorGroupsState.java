package dev.logtally.aggregate;

import java.util.List;
import java.util.Map;

/**
 * The error groups as the checkpoint holds them (written and read by {@code state.CheckpointCodec}):
 * every group, the alert transitions not yet finished, and the counters of drops and alerts. Immutable.
 *
 * <pre>{@code
 * ErrorGroupsState s = groups.state();   // on the reader thread, with the metrics of the same instant
 * fresh.restore(s);
 * }</pre>
 *
 * @param groups           every group held
 * @param dropped          groups dropped past {@code errors.max.groups}
 * @param nextTransitionId the id the next transition gets
 * @param sequence         the reading order counter (least-recently-seen eviction)
 * @param transitions      transitions whose alert is not finished
 * @param alertsSent       alerts accepted by Alertmanager, by alertname
 * @param alertsFailed     failed alert deliveries, by alertname
 */
public record ErrorGroupsState(List<Group> groups, long dropped, long nextTransitionId, long sequence,
                               List<AlertTransition> transitions, Map<String, Long> alertsSent,
                               Map<String, Long> alertsFailed) {

    public static final ErrorGroupsState EMPTY = new ErrorGroupsState(List.of(), 0, 1, 0, List.of(), Map.of(), Map.of());

    public ErrorGroupsState {
        groups = List.copyOf(groups);
        transitions = List.copyOf(transitions);
        alertsSent = Map.copyOf(alertsSent);
        alertsFailed = Map.copyOf(alertsFailed);
    }

    /**
     * One group.
     *
     * @param key     the 64-bit hash the group is looked up by ({@link Fingerprint#hash})
     * @param hourEnd epoch hour of the newest hour slot, or -1
     * @param hours   non-zero hour counts as flat pairs {@code epochHour, count, epochHour, count...}, oldest first
     * @param recent  times of the last events for {@code ErrorGroupEscalating}, oldest first; null when not kept
     */
    public record Group(String fingerprint, long key, String errorType, String stackHash, long count, long firstSeen,
                        long lastSeen, String firstRelease, String sampleMessage, String sampleStack,
                        String sampleCorrelationId, List<String> services, List<String> methods,
                        List<String> releases, long hourEnd, List<Long> hours, GroupStatus status,
                        boolean regressed, long touched, List<Long> recent) {
        public Group {
            recent = recent == null ? null : List.copyOf(recent);
            services = List.copyOf(services);
            methods = List.copyOf(methods);
            releases = List.copyOf(releases);
            hours = List.copyOf(hours);
        }
    }
}
