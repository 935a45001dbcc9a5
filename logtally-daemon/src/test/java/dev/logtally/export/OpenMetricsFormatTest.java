package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetricsFormatTest {
    @TempDir
    Path tmp;

    @Test
    void rendersThePointsByteForByteAsTheGoldenFile() {
        assertEquals(Fixtures.resource("openmetrics.txt"), OpenMetricsFormat.render(OpenMetricsFixtures.points()));
    }

    @Test
    void realPromtoolBackfillsEverySampleOfTheGoldenFile() throws Exception {
        Path input = tmp.resolve("replay.om");
        Files.writeString(input, OpenMetricsFormat.render(OpenMetricsFixtures.points()), StandardCharsets.UTF_8);
        Path blocks = tmp.resolve("blocks");
        String created = Command.run(tmp, "promtool", "prometheus", null,
                "tsdb", "create-blocks-from", "openmetrics", input.toString(), blocks.toString()).ok();
        // One block, all 31 samples of 14 series (an out-of-order sample would be dropped silently).
        String[] row = created.lines().filter(l -> l.matches("^[0-9A-Z]{26} .*")).findFirst().orElseThrow().split("\\s+");
        assertEquals(List.of("1704067200000", "1704067320251", "31", "14", "14"),
                List.of(row[1], row[2], row[4], row[5], row[6]), created);
        // promtool tsdb dump opens the directory as a database and wants a WAL directory, even an empty one.
        Files.createDirectories(blocks.resolve("wal"));
        String dump = Command.run(tmp, "promtool", "prometheus", null, "tsdb", "dump", blocks.toString()).ok();
        assertEquals(Fixtures.resource("openmetrics-promtool-dump.txt"), dump);
    }

    @Test
    void noPointsIsJustEof() {
        assertEquals("# EOF\n", OpenMetricsFormat.render(List.of()));
    }

    @Test
    void timestampsAreSecondsWithMillisecondsAsAFraction() {
        assertEquals("1704067200", OpenMetricsFormat.seconds(1_704_067_200_000L));
        assertEquals("1704067200.25", OpenMetricsFormat.seconds(1_704_067_200_250L));
        assertEquals("1704067200.001", OpenMetricsFormat.seconds(1_704_067_200_001L));
        assertEquals("1704067200.1", OpenMetricsFormat.seconds(1_704_067_200_100L));
        assertEquals("0", OpenMetricsFormat.seconds(0));
        assertEquals("-1.5", OpenMetricsFormat.seconds(-1_500L));
    }

    @Test
    void pointsOutOfTimeOrderAreRefused() {
        MetricSnapshot s = Fixtures.counter("a_total", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenMetricsFormat.render(List.of(
                new TimedSnapshot(OpenMetricsFixtures.T1, s), new TimedSnapshot(OpenMetricsFixtures.T0, s))));
        assertEquals("points must be in increasing time order (to the millisecond): point 1 at 2024-01-01T00:00:00Z"
                + " is not after point 0 at 2024-01-01T00:01:00Z", e.getMessage());
    }

    @Test
    void twoPointsInTheSameMillisecondAreRefused() {
        MetricSnapshot s = Fixtures.counter("a_total", 1);
        Instant t = OpenMetricsFixtures.T0;
        assertThrows(IllegalArgumentException.class, () -> OpenMetricsFormat.render(List.of(
                new TimedSnapshot(t, s), new TimedSnapshot(t.plusNanos(999_999), s))));
    }

    @Test
    void aFamilyChangingItsTypeIsRefused() {
        MetricSnapshot gauge = new MetricSnapshot(List.of(new MetricFamily("a_total", MetricType.GAUGE, "A counter.",
                List.of(), null, List.of(Series.gauge(List.of(), 1)))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenMetricsFormat.render(List.of(
                new TimedSnapshot(OpenMetricsFixtures.T0, Fixtures.counter("a_total", 1)),
                new TimedSnapshot(OpenMetricsFixtures.T1, gauge))));
        assertEquals("a_total changes its type, labels, buckets or help at 2024-01-01T00:01:00Z: a series of snapshots"
                + " must keep each family's layout", e.getMessage());
    }
}
