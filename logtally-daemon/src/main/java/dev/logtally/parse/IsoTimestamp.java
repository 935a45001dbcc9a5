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
    static final int MIN_LENGTH = "2026-11-24T12:56:22Z".length();
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private IsoTimestamp() {
    }

    /**
     * Epoch milliseconds of {@code c[off, off + len)}, or {@link Event#NO_TIME} when it is not valid: the
     * Jackson path's entry (its text comes as chars). Every valid timestamp is ASCII, so the chars are taken
     * as bytes, any other char as a byte that no rule accepts.
     */
    static long parse(char[] c, int off, int len) {
        return parse(Ascii.bytes(c, off, len), 0, len);
    }

    /**
     * Epoch milliseconds of the ASCII timestamp {@code c[off, off + len)} (a byte that is not ASCII is
     * never valid), or {@link Event#NO_TIME} when it is not valid. Straight from the line's bytes: the fast
     * path's entry, with no copy.
     */
    static long parse(byte[] c, int off, int len) {
        if (len < MIN_LENGTH) {
            return Event.NO_TIME;
        }
        long minute = minuteMillis(c, off);
        return minute == Event.NO_TIME ? Event.NO_TIME : afterMinute(c, off, len, minute);
    }

    /**
     * The first part of {@link #parse(byte[], int, int)}: the date, hour and minute of the timestamp at
     * {@code c[off]}, read from its first 16 bytes only ({@code yyyy-MM-ddTHH:mm}), as epoch milliseconds
     * before the offset is applied, or {@link Event#NO_TIME} when they are not valid. Depending on those 16
     * bytes alone, it can be kept for the next timestamp with the same 16 bytes (the lines of one minute).
     */
    static long minuteMillis(byte[] c, int off) {
        int century = twoDigits(c, off);
        int yearOfCentury = twoDigits(c, off + 2);
        int month = twoDigits(c, off + 5);
        int day = twoDigits(c, off + 8);
        int hour = twoDigits(c, off + 11);
        int minute = twoDigits(c, off + 14);
        byte t = c[off + 10];
        if ((century | yearOfCentury | month | day | hour | minute) < 0
                || c[off + 4] != '-' || c[off + 7] != '-' || (t != 'T' && t != 't') || c[off + 13] != ':'
                || month < 1 || month > 12 || day < 1 || day > daysInMonth(century * 100 + yearOfCentury, month)
                || hour > 23 || minute > 59) {
            return Event.NO_TIME;
        }
        return (daysFromEpoch(century * 100 + yearOfCentury, month, day) * 86_400L + hour * 3600L + minute * 60L) * 1000L;
    }

    /**
     * The rest of {@link #parse(byte[], int, int)}: given {@link #minuteMillis} of the timestamp
     * {@code c[off, off + len)} (valid, and {@code len} at least {@value #MIN_LENGTH}), reads the seconds,
     * the fraction and the offset; epoch milliseconds, or {@link Event#NO_TIME} when they are not valid.
     */
    static long afterMinute(byte[] c, int off, int len, long minuteMillis) {
        final int end = off + len;
        int second = twoDigits(c, off + 17);
        if (second < 0 || second > 59 || c[off + 16] != ':') {
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
        return minuteMillis + (second - (long) offsetSeconds) * 1000L + millis;
    }

    /** The offset at {@code c[i, end)} in seconds east of UTC, or {@code Integer.MIN_VALUE} when not valid. */
    private static int offsetSeconds(byte[] c, int i, int end) {
        if (i >= end) {
            return Integer.MIN_VALUE;
        }
        byte sign = c[i];
        if (sign == 'Z' || sign == 'z') {
            return i + 1 == end ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int rest = end - i - 1;
        int hours = rest >= 2 ? twoDigits(c, i + 1) : -1;
        int minutes = 0;
        int secs = 0;
        if (rest == 2) {
            // ±HH
        } else if (rest == 4) {
            minutes = twoDigits(c, i + 3);
        } else if (rest == 5 && c[i + 3] == ':') {
            minutes = twoDigits(c, i + 4);
        } else if (rest == 8 && c[i + 3] == ':' && c[i + 6] == ':') {
            minutes = twoDigits(c, i + 4);
            secs = twoDigits(c, i + 7);
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

    /** The value of the two ASCII digits at {@code c[i]}, or a negative number if either is not a digit. */
    private static int twoDigits(byte[] c, int i) {
        int tens = c[i] - '0';
        int ones = c[i + 1] - '0';
        // Negative when either is below '0' or above '9' (a byte that is not ASCII is negative, so below).
        if ((tens | ones | (9 - tens) | (9 - ones)) < 0) {
            return -1000;
        }
        return tens * 10 + ones;
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
