package dev.logtally.archive;

import dev.logtally.parse.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the archive tools write event times: UTC, fixed width, so columns line up —
 * {@code 2026-11-24T13:24:56.489Z} in full, {@code 2026-11-24 13:24:56} in the error table.
 *
 * <pre>{@code
 * Times.full(event.timestampMillis());   // "2026-11-24T13:24:56.489Z", or "-" without a time
 * }</pre>
 */
public final class Times {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** ISO-8601 in UTC with milliseconds, or {@code -} for {@link Event#NO_TIME}. */
    public static String full(long millis) {
        return millis == Event.NO_TIME ? "-" : FULL.format(Instant.ofEpochMilli(millis));
    }

    /** To the second, for tables, or {@code -}. */
    public static String brief(long millis) {
        return millis == Event.NO_TIME ? "-" : SHORT.format(Instant.ofEpochMilli(millis));
    }
}
