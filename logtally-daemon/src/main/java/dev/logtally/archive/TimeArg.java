package dev.logtally.archive;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A {@code TIME} argument (CONTRACT §5): ISO-8601 with a zone ({@code 2026-11-24T13:00:00Z},
 * {@code 2026-11-24T14:00:00+01:00}), a date ({@code 2026-11-24}, midnight UTC), or a duration back from
 * now as Prometheus writes it ({@code 2h}, {@code 30m}, {@code 1d}). "Now" comes from the injected clock.
 * Anything else is a {@link ConfigException} naming the flag (exit 2).
 *
 * <pre>{@code
 * long since = TimeArg.parse("--since", "2h", Clock.systemUTC());
 * }</pre>
 */
public final class TimeArg {
    private TimeArg() {
    }

    /** The instant {@code text} means, in epoch milliseconds. */
    public static long parse(String flag, String text, Clock clock) {
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && !t.contains("-") && !t.contains(":")) {
            Duration back;
            try {
                back = Durations.parse(flag, t);
            } catch (ConfigException e) {
                throw bad(flag, text);
            }
            return clock.millis() - back.toMillis();
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw bad(flag, text);
        }
    }

    private static ConfigException bad(String flag, String text) {
        return new ConfigException(flag, "'" + text + "' is neither an ISO-8601 time with a zone "
                + "(2026-11-24T13:00:00Z), a date (2026-11-24) nor a duration back from now (2h)");
    }

    /**
     * Checks that {@code since} is before {@code until} when both are given.
     *
     * @throws ConfigException naming {@code --until} otherwise
     */
    public static void checkRange(long since, long until) {
        if (since != Errors.NO_LIMIT && until != Errors.NO_LIMIT && since >= until) {
            throw new ConfigException("--until", "must be later than --since");
        }
    }
}
