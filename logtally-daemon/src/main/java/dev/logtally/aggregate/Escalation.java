package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule of {@code ErrorGroupEscalating}: a group escalates when its last {@code errors.escalating.events}
 * events (N) lie within {@code errors.escalating.window} (M) of each other, by event time (the reader's clock
 * for an event without one). Each group keeps the times of its last N events in a ring ({@link GroupTally#recent}),
 * checkpointed with the group, so the decision after a restart is the one the killed tailer would have made.
 * Off ({@link #OFF}, N = 0, the default) keeps no ring and never escalates: decided once, at start-up.
 *
 * <pre>{@code
 * Escalation rule = Escalation.of(options);      // options.escalatingEvents() = 50, window 10m
 * if (rule.seen(group, eventMillis)) { ...record ErrorGroupEscalating unless one is active... }
 * }</pre>
 */
class Escalation {
    /** Never escalates, keeps nothing. */
    static final Escalation OFF = new Escalation();

    private Escalation() {
    }

    static Escalation of(ErrorGroupOptions options) {
        return options.escalatingEvents() == 0 ? OFF
                : new Ring(options.escalatingEvents(), options.escalatingWindow().toMillis());
    }

    /** Notes an event of {@code g} at {@code millis}; true when the group's last N events lie within the window. */
    boolean seen(GroupTally g, long millis) {
        return false;
    }

    /** The group's ring for the checkpoint, oldest first; null when off or empty. */
    List<Long> state(GroupTally g) {
        return null;
    }

    /** Refills the group's ring from a checkpoint (its newest N times, when N was lowered since). */
    void restore(GroupTally g, List<Long> recent) {
    }

    private static final class Ring extends Escalation {
        private final int events;
        private final long windowMillis;

        Ring(int events, long windowMillis) {
            this.events = events;
            this.windowMillis = windowMillis;
        }

        @Override
        boolean seen(GroupTally g, long millis) {
            if (g.recent == null) {
                g.recent = new long[events];
            }
            long[] ring = g.recent;
            ring[g.recentNext] = millis;
            g.recentNext = (g.recentNext + 1) % events;
            if (g.recentFilled < events) {
                g.recentFilled++;
            }
            // Full: the slot written next holds the oldest of the last N.
            return g.recentFilled == events && millis - ring[g.recentNext] <= windowMillis;
        }

        @Override
        List<Long> state(GroupTally g) {
            if (g.recentFilled == 0) {
                return null;
            }
            List<Long> out = new ArrayList<>(g.recentFilled);
            int first = g.recentFilled < events ? 0 : g.recentNext;
            for (int k = 0; k < g.recentFilled; k++) {
                out.add(g.recent[(first + k) % events]);
            }
            return out;
        }

        @Override
        void restore(GroupTally g, List<Long> recent) {
            if (recent == null) {
                return;
            }
            for (Long t : recent.subList(Math.max(0, recent.size() - events), recent.size())) {
                seen(g, t);
            }
        }
    }
}
