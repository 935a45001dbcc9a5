package dev.logtally.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The on-disk shape of a checkpoint, kept apart from the in-memory records so that either can change
 * without the other. Numbers are boxed so that a missing field reads as null and is reported, never
 * taken as 0.
 */
final class CheckpointJson {
    static final String FORMAT = "logtally-checkpoint";

    private CheckpointJson() {
    }

    /** First line of the file: what it is and the size and SHA-256 of the body that follows. */
    @JsonPropertyOrder({"format", "version", "bodyBytes", "sha256"})
    record Header(String format, Integer version, Long bodyBytes, String sha256) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"savedAtMillis", "namespace", "positions", "metrics", "errorGroups"})
    record Body(Long savedAtMillis, String namespace, List<Position> positions, List<Family> metrics,
                Groups errorGroups) {
    }

    /** The error groups (format 2). */
    @JsonPropertyOrder({"dropped", "nextTransitionId", "sequence", "groups", "transitions", "alertsSent", "alertsFailed"})
    record Groups(Long dropped, Long nextTransitionId, Long sequence, List<Group> groups,
                  List<Transition> transitions, java.util.Map<String, Long> alertsSent,
                  java.util.Map<String, Long> alertsFailed) {
    }

    /** One group; {@code hours} as flat {@code epochHour, count} pairs of the non-zero hours. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"fingerprint", "key", "errorType", "stackHash", "count", "firstSeen", "lastSeen",
        "firstRelease", "sampleMessage", "sampleStack", "sampleCorrelationId", "services", "methods", "releases",
        "hourEnd", "hours", "status", "inRelease", "afterRelease", "statusChangedAt", "regressed", "touched", "recent"})
    record Group(String fingerprint, Long key, String errorType, String stackHash, Long count, Long firstSeen,
                 Long lastSeen, String firstRelease, String sampleMessage, String sampleStack,
                 String sampleCorrelationId, List<String> services, List<String> methods, List<String> releases,
                 Long hourEnd, List<Long> hours, String status, String inRelease, String afterRelease,
                 Long statusChangedAt, Boolean regressed, Long touched, List<Long> recent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "alertname", "fingerprint", "startsAt", "endsAt", "release", "delivered"})
    record Transition(Long id, String alertname, String fingerprint, Long startsAt, Long endsAt, String release,
                      Boolean delivered) {
    }

    /** {@code size} is left out when unknown (and absent from checkpoints of older versions). */
    @JsonPropertyOrder({"stream", "path", "fileKey", "offset", "headLength", "headHash", "size"})
    record Position(String stream, String path, String fileKey, Long offset, Integer headLength, String headHash,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long size) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "help", "labelNames", "buckets", "series"})
    record Family(String name, String type, String help, List<String> labelNames, double[] buckets,
                  List<SeriesJson> series) {
    }

    /** Counters and gauges have a {@code value}; histograms per-bucket (not cumulative) counts and a sum. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"labels", "value", "buckets", "sumNanos"})
    record SeriesJson(List<String> labels, Double value, long[] buckets, Long sumNanos, Long timeMillis) {
    }
}
