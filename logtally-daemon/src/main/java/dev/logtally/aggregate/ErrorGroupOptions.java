package dev.logtally.aggregate;

import dev.logtally.base.ConfigException;
import java.time.Duration;

/**
 * How the error groups are kept, validated once: {@code errors.max.groups} (default {@value #DEFAULT_MAX_GROUPS};
 * past it the least recently seen group is dropped and counted) and {@code alertmanager.quiet} (default 1h:
 * an alert of a group resolves after this long without an event of the group).
 *
 * <pre>{@code
 * ErrorGroupOptions o = ErrorGroupOptions.defaults().withMaxGroups(5000);
 * }</pre>
 *
 * @param maxGroups groups held at most (1..1,000,000)
 * @param quiet     how long an alert stays active after its group's last event
 */
public record ErrorGroupOptions(int maxGroups, Duration quiet) {
    public static final int DEFAULT_MAX_GROUPS = 1000;
    public static final Duration DEFAULT_QUIET = Duration.ofHours(1);

    public ErrorGroupOptions {
        if (maxGroups < 1 || maxGroups > 1_000_000) {
            throw new ConfigException("errors.max.groups", maxGroups + " is outside 1..1000000");
        }
        if (quiet.isNegative() || quiet.isZero()) {
            throw new ConfigException("alertmanager.quiet", "must be positive");
        }
    }

    public static ErrorGroupOptions defaults() {
        return new ErrorGroupOptions(DEFAULT_MAX_GROUPS, DEFAULT_QUIET);
    }

    public ErrorGroupOptions withMaxGroups(int n) {
        return new ErrorGroupOptions(n, quiet);
    }
}
