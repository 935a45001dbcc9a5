package dev.logtally.aggregate;

import java.util.Objects;

/**
 * A transition of an error group that Alertmanager must hear of exactly once: the group was first seen
 * ({@link Kind#NEW}), seen again after being resolved ({@link Kind#REGRESSED}) or is escalating
 * ({@link Kind#ESCALATING}). Recorded by {@code ErrorGroups} on the reader thread, kept in the checkpoint
 * with the groups (so a crash neither loses nor repeats it), sent by the alert sender, and marked
 * {@link #delivered()} in the checkpoint after Alertmanager accepted it. It stays (and its alert is re-sent
 * while active) until {@link #endsAtMillis()}, then it is resolved and forgotten.
 *
 * <pre>{@code
 * for (AlertTransition t : groups.transitions()) if (!t.delivered()) send(t);
 * }</pre>
 *
 * @param id            unique within the state directory, increasing
 * @param kind          what happened
 * @param fingerprint   the group
 * @param startsAtMillis when it happened (wall clock of the reader, epoch ms): the alert's {@code startsAt}
 * @param release       the release of the event that caused it, or null
 * @param delivered     Alertmanager accepted it (a later re-send only refreshes it)
 * @param endsAtMillis  the alert's {@code endsAt}: pushed forward while the group keeps seeing events
 */
public record AlertTransition(long id, Kind kind, String fingerprint, long startsAtMillis, String release,
                              boolean delivered, long endsAtMillis) {

    /** The alerts, by their {@code alertname}. */
    public enum Kind {
        NEW("NewErrorGroup"), REGRESSED("ErrorGroupRegressed"), ESCALATING("ErrorGroupEscalating");

        private final String alertName;

        Kind(String alertName) {
            this.alertName = alertName;
        }

        public String alertName() {
            return alertName;
        }

        public static Kind ofAlertName(String name) {
            for (Kind k : values()) {
                if (k.alertName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown alert " + name);
        }
    }

    public AlertTransition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    AlertTransition delivered(boolean d) {
        return new AlertTransition(id, kind, fingerprint, startsAtMillis, release, d, endsAtMillis);
    }

    AlertTransition endsAt(long millis) {
        return new AlertTransition(id, kind, fingerprint, startsAtMillis, release, delivered, millis);
    }
}
