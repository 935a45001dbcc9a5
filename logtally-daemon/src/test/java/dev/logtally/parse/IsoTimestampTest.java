package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written parser agrees with java.time on every instant, offset and fraction length. */
class IsoTimestampTest {
    private static final long MIN = Instant.parse("0001-01-02T00:00:00Z").getEpochSecond();
    private static final long MAX = Instant.parse("9999-12-30T00:00:00Z").getEpochSecond();

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        Random random = new Random(20261124);
        for (int n = 0; n < 20_000; n++) {
            long second = MIN + (long) (random.nextDouble() * (MAX - MIN));
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            int offsetSeconds = random.nextInt(4) == 0
                    ? random.nextInt(2 * 18 * 3600 + 1) - 18 * 3600 // any offset, seconds included
                    : (random.nextInt(2 * 18 * 4 + 1) - 18 * 4) * 15 * 60; // quarter hours
            int digits = random.nextInt(10);
            String text = format(instant, ZoneOffset.ofTotalSeconds(offsetSeconds), digits, random.nextInt(3));
            // The text keeps `digits` fraction digits, and the parser keeps milliseconds of those.
            int shownNanos = instant.getNano() - instant.getNano() % (int) Math.pow(10, 9 - digits);
            long expected = instant.getEpochSecond() * 1000 + shownNanos / 1_000_000;
            char[] chars = ("xx" + text + "yy").toCharArray();
            assertEquals(expected, IsoTimestamp.parse(chars, 2, text.length()), text);
            byte[] bytes = ("xxx" + text + "\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(expected, IsoTimestamp.parse(bytes, 3, text.length()), text);
        }
    }

    /** {@code digits} fraction digits (0–9); offset style 0 = ±HH:MM(:SS), 1 = ±HHMM, 2 = Z for zero. */
    private static String format(Instant instant, ZoneOffset offset, int digits, int style) {
        OffsetDateTime t = instant.atOffset(offset);
        StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
        if (digits > 0) {
            sb.append('.').append(String.format("%09d", t.getNano()), 0, digits);
        }
        int total = offset.getTotalSeconds();
        if (total == 0 && style == 2) {
            return sb.append('Z').toString();
        }
        int abs = Math.abs(total);
        sb.append(total < 0 ? '-' : '+').append(String.format("%02d", abs / 3600));
        if (style == 1 && abs % 60 == 0) {
            sb.append(String.format("%02d", abs / 60 % 60));
        } else {
            sb.append(String.format(":%02d", abs / 60 % 60));
            if (abs % 60 != 0) {
                sb.append(String.format(":%02d", abs % 60));
            }
        }
        return sb.toString();
    }

    @Test
    void daysFromEpochMatchesLocalDate() {
        for (long day = java.time.LocalDate.of(1, 1, 1).toEpochDay(); day <= java.time.LocalDate.of(9999, 12, 31).toEpochDay(); day += 13) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            assertEquals(day, IsoTimestamp.daysFromEpoch(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
        }
    }

    @Test
    void aNonDigitInAnyDigitPositionIsRejected() {
        String valid = "2026-11-24T12:56:22.123+01:30";
        for (int i = 0; i < valid.length(); i++) {
            if (Character.isDigit(valid.charAt(i))) {
                for (char bad : new char[] {'x', '/', ':', ' ', '\u0660'}) {
                    char[] c = valid.toCharArray();
                    c[i] = bad;
                    assertEquals(Event.NO_TIME, IsoTimestamp.parse(c, 0, c.length), new String(c));
                }
            }
        }
    }

    @Test
    void rejectsWhatIsNotAnOffsetDateTime() {
        for (String bad : new String[] {
            "2026-11-24T12:56:22", "2026-11-24T12:56:22.123", "2026-11-24X12:56:22Z", "2026-11-24T12:56:22ZZ",
            "2026-11-24T12:56:22+01:00:", "2026-11-24T12:56:22+01:00:60", "2026-11-24T12:56:22+0", "2026-11-24T12:56:22+",
            "2026-11-24T12:56:22.+01:00", "20261124T125622Z", "2026-11-24T12:56Z", "abcdefghijklmnopqrstuvwxyz",
        }) {
            assertEquals(Event.NO_TIME, IsoTimestamp.parse(bad.toCharArray(), 0, bad.length()), bad);
        }
    }
}
