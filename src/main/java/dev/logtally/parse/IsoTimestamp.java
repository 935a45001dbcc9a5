package dev.logtally.parse;

/**
 * Reads an ISO-8601 date-time with an offset, as logstash-logback-encoder writes {@code @timestamp}, into
 * epoch milliseconds: {@code 2026-11-24T12:56:22.123Z}, {@code 2026-11-24T13:56:22.1+01:00},
 * {@code 2026-11-24T12:56:22-0500}. Hand-written because {@code DateTimeFormatter} allocates a parse
 * context and a {@code TemporalAccessor} per call, and this runs once per line.
 *
 * <p>Accepted: {@code YYYY-MM-DD}, {@code T} (or {@code t}), {@code HH:MM:SS}, an optional fraction of
 * 1–9 digits (truncated to milliseconds), then {@code Z} (or {@code z}), {@code ±HH:MM}, {@code ±HHMM},
 * {@code ±HH} or {@code ±HH:MM:SS} (what {@code ISO_OFFSET_DATE_TIME} prints for historic offsets).
 * Fields are range-checked (February 29th only in leap years, offsets up to ±18:00). No local
 * date-times: without an offset the instant is unknown.
 *
 * <pre>{@code
 * long ms = IsoTimestamp.parse(chars, 0, chars.length);   // Event.NO_TIME when not valid
 * }</pre>
 */
final class IsoTimestamp {
    private static final int MIN_LENGTH = "2026-11-24T12:56:22Z".length();
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoTimestamp() {
    }

    /** Epoch milliseconds of {@code c[off, off + len)}, or {@link Event#NO_TIME} when it is not valid. */
    static long parse(char[] c, int off, int len) {
        if (len < MIN_LENGTH) {
            return Event.NO_TIME;
        }
        final int end = off + len;
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        char t = c[off + 10];
        if ((year | month | day | hour | minute | second) < 0
                || c[off + 4] != '-' || c[off + 7] != '-' || (t != 'T' && t != 't')
                || c[off + 13] != ':' || c[off + 16] != ':'
                || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return Event.NO_TIME;
        }
        int i = off + 19;
        int millis = 0;
        if (c[i] == '.') {
            int first = ++i;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                if (i - first < 3) {
                    millis = millis * 10 + (c[i] - '0');
                }
                i++;
            }
            int count = i - first;
            if (count == 0 || count > 9) {
                return Event.NO_TIME;
            }
            if (count == 1) {
                millis *= 100;
            } else if (count == 2) {
                millis *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(c, i, end);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return Event.NO_TIME;
        }
        long seconds = daysFromEpoch(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + millis;
    }

    /** The offset at {@code c[i, end)} in seconds east of UTC, or {@code Integer.MIN_VALUE} when not valid. */
    private static int offsetSeconds(char[] c, int i, int end) {
        if (i >= end) {
            return Integer.MIN_VALUE;
        }
        char sign = c[i];
        if (sign == 'Z' || sign == 'z') {
            return i + 1 == end ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int rest = end - i - 1;
        int hours = rest >= 2 ? digits(c, i + 1, 2) : -1;
        int minutes = 0;
        int secs = 0;
        if (rest == 2) {
            // ±HH
        } else if (rest == 4) {
            minutes = digits(c, i + 3, 2);
        } else if (rest == 5 && c[i + 3] == ':') {
            minutes = digits(c, i + 4, 2);
        } else if (rest == 8 && c[i + 3] == ':' && c[i + 6] == ':') {
            minutes = digits(c, i + 4, 2);
            secs = digits(c, i + 7, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if ((hours | minutes | secs) < 0 || minutes > 59 || secs > 59) {
            return Integer.MIN_VALUE;
        }
        int total = hours * 3600 + minutes * 60 + secs;
        if (total > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -total : total;
    }

    /** The decimal value of {@code n} ASCII digits at {@code c[i]}, or -1 if one is not a digit. */
    private static int digits(char[] c, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = c[i + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * Days from 1970-01-01 to the given proleptic Gregorian date. Counts from March 1st of year 0 so
     * that the leap day falls at the end of each counted year (eras of 400 years are 146,097 days).
     */
    static long daysFromEpoch(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        int dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
