package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.config.OptionsLoader;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.pipeline.Pipeline;
import dev.logtally.source.Line;
import java.nio.charset.StandardCharsets;
import dev.logtally.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A group's latest samples: distinct, latest first, bounded, order-independent to merge, seeded on restore. */
class RecentSamplesTest {
    private static final long T0 = Instant.parse("2026-11-24T13:00:00Z").toEpochMilli();

    private static final LineParser PARSER = new LineParser(
            Pipeline.fullParserOptions(OptionsLoader.load(null, Map.of(), Map.of())));

    /** An error event of one group at {@code t}, parsed from its JSON line (with {@code cid}, or without one). */
    private static Event error(long t, String cid) {
        String json = "{\"@timestamp\":\"" + Instant.ofEpochMilli(t) + "\",\"level\":\"ERROR\",\"service\":\"api\","
                + "\"release\":\"2.4.1\",\"error_type\":\"timeout\",\"stack_hash\":\"h1\",\"message\":\"m\""
                + (cid == null ? "" : ",\"correlation_id\":\"" + cid + "\"") + "}";
        Event e = PARSER.parse(Line.of("test.log", 0, json.getBytes(StandardCharsets.UTF_8)), ParseErrorSink.IGNORE);
        assertEquals(t, e.timestampMillis());
        assertEquals(cid, e.correlationId());
        return e;
    }

    @Test
    void theLatestDistinctIdsLatestFirstAtMostFive() {
        RecentSamples s = new RecentSamples();
        s.offer("a", T0, 0, 1);
        s.offer("b", T0 + 1, 0, 2);
        s.offer("a", T0 + 2, 0, 3);               // seen again: moves to the front, not twice
        s.offer("old", T0 - 5, 0, 0);             // older than all, still room
        s.offer("untimed", Event.NO_TIME, 0, 9);  // an untimed event is older than any timed one
        assertEquals(List.of("a", "b", "old", "untimed"), s.ids());
        s.offer("c", T0 + 3, 1, 0);
        s.offer("d", T0 + 3, 1, 5);               // same time: the later reading position is later
        assertEquals(List.of("d", "c", "a", "b", "old"), s.ids());
        s.offer("older still", T0 - 10, 0, 0);    // full, and older than the oldest kept: not kept
        s.offer("b", T0 - 1, 0, 0);               // an earlier sighting of a kept ID changes nothing
        assertEquals(List.of("d", "c", "a", "b", "old"), s.ids());
    }

    @Test
    void mergingTheSamplesOfFilesReadApartGivesWhatOneReadingGives() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            List<long[]> events = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                events.add(new long[] {T0 + random.nextInt(20), random.nextInt(3), i, random.nextInt(9)}); // positions are unique
            }
            RecentSamples whole = new RecentSamples();
            RecentSamples[] files = {new RecentSamples(), new RecentSamples(), new RecentSamples()};
            for (long[] e : events) {
                whole.offer("id-" + e[3], e[0], (int) e[1], e[2]);
            }
            Collections.shuffle(events, random);
            for (long[] e : events) {
                files[(int) e[1]].offer("id-" + e[3], e[0], (int) e[1], e[2]);
            }
            RecentSamples merged = new RecentSamples();
            for (int f : new int[] {2, 0, 1}) {
                merged.merge(files[f]);
            }
            assertEquals(whole.ids(), merged.ids(), "round " + round);
        }
    }

    @Test
    void liveGroupsShowTheirLatestSamplesAndARestartStartsFromTheCheckpointsSample() {
        ErrorGroups g = ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults(),
                new ManualClock(Instant.ofEpochMilli(T0)));
        for (int i = 0; i < 8; i++) {
            g.add(error(T0 + i, "req-" + i), null, 0, i);
        }
        g.add(error(T0 + 8, null), null, 0, 8);
        ErrorGroupView v = g.index().groups().get(0);
        assertEquals(List.of("req-7", "req-6", "req-5", "req-4", "req-3"), v.recentSamples());
        assertEquals("req-7", v.sampleCorrelationId());

        ErrorGroups restarted = ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults(),
                new ManualClock(Instant.ofEpochMilli(T0)));
        restarted.restore(g.state());
        assertEquals(List.of("req-7"), restarted.index().groups().get(0).recentSamples());
        restarted.add(error(T0 + 9, "req-9"), null, 0, 9);
        assertEquals(List.of("req-9", "req-7"), restarted.index().groups().get(0).recentSamples());
    }
}
