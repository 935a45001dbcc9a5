package dev.logtally.aggregate;

import dev.logtally.base.ConfigException;
import java.time.Duration;

/**
 * How the error groups are kept, validated once: {@code errors.max.groups} (default {@value #DEFAULT_MAX_GROUPS};
 * past it the least recently seen group is dropped and counted), {@code alertmanager.quiet} (default 1h:
 * an alert of a group resolves after this long without an event of the group), and the
 * {@code ErrorGroupEscalating} rule: {@code errors.escalating.events} events of one group within
 * {@code errors.escalating.window} (default 0 = off, and 10m).
 *
 * <pre>{@code
 * ErrorGroupOptions o = ErrorGroupOptions.defaults().withMaxGroups(5000);
 * }</pre>
 *
 * @param maxGroups groups held at most (1..1,000,000)
 * @param quiet     how long an alert stays active after its group's last event
 * @param escalatingEvents events of one group within {@code escalatingWindow} that make it escalate; 0 = off,
 *                  else 2..{@value #MAX_ESCALATING_EVENTS}
 * @param escalatingWindow the window of {@code escalatingEvents}, positive
 */
public record ErrorGroupOptions(int maxGroups, Duration quiet, int escalatingEvents, Duration escalatingWindow) {
    public static final int DEFAULT_MAX_GROUPS = 1000;
    public static final Duration DEFAULT_QUIET = Duration.ofHours(1);
    public static final Duration DEFAULT_ESCALATING_WINDOW = Duration.ofMinutes(10);
    /** Largest N: each group keeps the times of its last N events. */
    public static final int MAX_ESCALATING_EVENTS = 10_000;

    /** Without escalation. */
    public ErrorGroupOptions(int maxGroups, Duration quiet) {
        this(maxGroups, quiet, 0, DEFAULT_ESCALATING_WINDOW);
    }

    public ErrorGroupOptions {
        if (maxGroups < 1 || maxGroups > 1_000_000) {
            throw new ConfigException("errors.max.groups", maxGroups + " is outside 1..1000000");
        }
        if (quiet.isNegative() || quiet.isZero()) {
            throw new ConfigException("alertmanager.quiet", "must be positive");
        }
        if (escalatingEvents != 0 && (escalatingEvents < 2 || escalatingEvents > MAX_ESCALATING_EVENTS)) {
            throw new ConfigException("errors.escalating.events", escalatingEvents + " is neither 0 (off) nor in 2.."
                    + MAX_ESCALATING_EVENTS);
        }
        if (escalatingWindow.isNegative() || escalatingWindow.isZero()) {
            throw new ConfigException("errors.escalating.window", "must be positive");
        }
    }

    public static ErrorGroupOptions defaults() {
        return new ErrorGroupOptions(DEFAULT_MAX_GROUPS, DEFAULT_QUIET);
    }

    public ErrorGroupOptions withMaxGroups(int n) {
        return new ErrorGroupOptions(n, quiet, escalatingEvents, escalatingWindow);
    }

    /** A copy escalating at {@code events} events within {@code window}. */
    public ErrorGroupOptions withEscalating(int events, Duration window) {
        return new ErrorGroupOptions(maxGroups, quiet, events, window);
    }
}
