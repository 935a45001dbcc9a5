package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainValuesTest {
    private final LabelCache labels = new LabelCache();
    private final PlainValues values = new PlainValues(labels, new Levels(labels), 1024);

    private long timestamp(String text, int at) {
        byte[] b = ("{\"@timestamp\":\"".substring(0, at) + text + "\"}").getBytes(StandardCharsets.US_ASCII);
        EventValues v = new EventValues(0, 0);
        v.reset();
        values.readString(FieldTable.TIMESTAMP, -1, b, at, text.length(), v);
        assertEquals(v.timestampMillis == Event.NO_TIME, v.timestampInvalid, text);
        return v.timestampMillis;
    }

    /**
     * The minute kept from the last timestamp never changes a result: runs of timestamps of one minute, with
     * the seconds, fraction and offset valid or not, and the minute itself broken in each of its bytes.
     */
    @Test
    void theKeptMinuteGivesWhatAFullParseGives() {
        Random random = new Random(3);
        String[] minutes = {"2026-11-24T12:00", "2026-11-24T12:01", "2024-02-29T23:59", "2023-02-29T10:00",
            "2026-11-24t12:00", "0000-01-01T00:00", "\u0000".repeat(16)};
        String[] rests = {":00Z", ":59.999+01:00", ":60Z", ":07.5-0130", ":07.123456789+14", ":07.1234567890Z",
            ":07.Z", ":07", ":07+18:00:01", ":7Z", ";07Z", ":07.250+01:00:00", ":07+01:0"};
        int checked = 0;
        for (int n = 0; n < 20_000; n++) {
            String minute = minutes[random.nextInt(minutes.length)];
            if (random.nextInt(8) == 0) {
                char[] c = minute.toCharArray();
                c[random.nextInt(16)] = "0X:-T9".charAt(random.nextInt(6));
                minute = new String(c);
            }
            String text = minute + rests[random.nextInt(rests.length)];
            long expected = IsoTimestamp.parse(text.toCharArray(), 0, text.length());
            assertEquals(expected, timestamp(text, random.nextInt(16)), text);
            checked++;
        }
        assertEquals(20_000, checked);
        assertEquals(1_795_521_607_000L, timestamp("2026-11-24T12:00:07Z", 3), "a known instant");
        assertEquals(1_795_521_607_250L - 3_600_000L, timestamp("2026-11-24T12:00:07.25+01:00", 5));
    }

    @Test
    void theServiceKeptFromTheLastLineIsTheCachesValue() {
        byte[] b = "orders|orders|payments|".getBytes(StandardCharsets.US_ASCII);
        EventValues v = new EventValues(0, 0);
        v.reset();
        values.readString(FieldTable.SERVICE, -1, b, 0, 6, v);
        String first = v.service;
        values.readString(FieldTable.SERVICE, -1, b, 7, 6, v);
        assertSame(first, v.service);
        values.readString(FieldTable.SERVICE, -1, b, 14, 8, v);
        assertEquals("payments", v.service);
        values.readString(FieldTable.SERVICE, -1, b, 0, 0, v);
        assertEquals(null, v.service);
        values.readString(FieldTable.SERVICE, -1, b, 7, 6, v);
        assertSame(labels.intern("orders".toCharArray(), 0, 6), v.service);
    }
}
