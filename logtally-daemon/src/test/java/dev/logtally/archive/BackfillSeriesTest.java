package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.logtally.config.Options;
import dev.logtally.export.TextFormat;
import dev.logtally.export.TimedSnapshot;
import dev.logtally.testing.PromText;
import dev.logtally.cli.ReplayTool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cumulative series of {@code replay --format openmetrics}: a sample at boundary B holds every event
 * before B, from files read in parallel whose times overlap, across a quiet stretch, with a gauge.
 */
class BackfillSeriesTest {
    @TempDir
    Path tmp;

    private static String error(String time, String type) {
        return line("@timestamp", q(time), "level", q("ERROR"), "error_type", q(type), "service", q("s"));
    }

    private static String timed(String time, double ms) {
        return line("@timestamp", q(time), "level", q("INFO"), "method", q("m"), "duration_ms", Double.toString(ms));
    }

    private static String gauge(String time, int value) {
        return line("@timestamp", q(time), "level", q("INFO"), "active_connections", Integer.toString(value));
    }

    @Test
    void eachSampleHoldsEveryEventBeforeItsBoundary() {
        // Two services' logs, interleaved in time; a quiet stretch from 08:02 to 08:05 in both.
        Path a = Fixtures.gzip(tmp.resolve("a.log.gz"),
                error("2026-11-20T08:00:10Z", "x") + timed("2026-11-20T08:00:59.999Z", 20) + gauge("2026-11-20T08:01:00Z", 5)
                        + error("2026-11-20T08:05:30Z", "x"));
        Path b = Fixtures.write(tmp.resolve("b.log"),
                timed("2026-11-20T08:00:30Z", 2000) + error("2026-11-20T08:01:00Z", "y") + gauge("2026-11-20T08:01:30Z", 7)
                        + error("2026-11-20T08:01:59.999Z", "x"));
        Options o = Fixtures.options();
        List<LogFile> files = FirstEvents.oldestFirst(List.of(b, a), dev.logtally.pipeline.Pipeline.parserOptions(o), 1 << 20);
        Replay.Result r = new Replay(o, Clock.systemUTC(), 2, 60_000).run(files, Progress.NONE);
        List<TimedSnapshot> points = r.points();

        List<Instant> times = points.stream().map(TimedSnapshot::time).toList();
        assertEquals(List.of(Instant.parse("2026-11-20T08:01:00Z"), Instant.parse("2026-11-20T08:02:00Z"),
                Instant.parse("2026-11-20T08:03:00Z"), Instant.parse("2026-11-20T08:04:00Z"),
                Instant.parse("2026-11-20T08:05:00Z"), Instant.parse("2026-11-20T08:06:00Z")), times);

        Map<String, Double> at0801 = values(points.get(0));
        assertEquals(1.0, at0801.get("loka_stratum_errors_total{error_type=\"x\",service=\"s\"}"));
        assertEquals(null, at0801.get("loka_stratum_errors_total{error_type=\"y\",service=\"s\"}"), "08:01:00 is not before 08:01");
        assertEquals(2.0, at0801.get("loka_stratum_request_duration_seconds_count{method=\"m\"}"));
        assertEquals(1.0, at0801.get("loka_stratum_request_duration_seconds_bucket{le=\"0.025\",method=\"m\"}"));
        assertEquals(2.02, at0801.get("loka_stratum_request_duration_seconds_sum{method=\"m\"}"));
        assertEquals(null, at0801.get("loka_stratum_active_connections"));

        Map<String, Double> at0802 = values(points.get(1));
        assertEquals(2.0, at0802.get("loka_stratum_errors_total{error_type=\"x\",service=\"s\"}"));
        assertEquals(1.0, at0802.get("loka_stratum_errors_total{error_type=\"y\",service=\"s\"}"));
        // Both files set the gauge before 08:02; the newer value (b's, 08:01:30) wins.
        assertEquals(7.0, at0802.get("loka_stratum_active_connections"));

        // Quiet minutes still get a point (no staleness), and share the snapshot of the point before.
        assertSame(points.get(1).snapshot(), points.get(2).snapshot());
        assertSame(points.get(1).snapshot(), points.get(4).snapshot());
        Map<String, Double> last = values(points.get(5));
        assertEquals(3.0, last.get("loka_stratum_errors_total{error_type=\"x\",service=\"s\"}"));
        assertEquals(TextFormat.render(withoutSelf(r.totals())), TextFormat.render(points.get(5).snapshot()),
                "the last point holds the final totals");
    }

    private static Map<String, Double> values(TimedSnapshot p) {
        return PromText.parse(TextFormat.render(p.snapshot()));
    }

    private static dev.logtally.aggregate.MetricSnapshot withoutSelf(dev.logtally.aggregate.MetricSnapshot s) {
        return new dev.logtally.aggregate.MetricSnapshot(s.families().stream()
                .filter(f -> !f.name().startsWith("logtally_")).toList());
    }

    @Test
    void theOpenMetricsOutputIsLabelledAndEndsInEof() {
        Path a = Fixtures.write(tmp.resolve("a.log"), error("2026-11-20T08:00:10Z", "x") + error("2026-11-20T08:01:10Z", "x"));
        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(a.toString()), Fixtures.options(),
                ReplayTool.Format.OPENMETRICS, java.time.Duration.ofMinutes(1), 1, false), run.out, run.err, Fixtures.LATER);
        assertEquals(0, run.code);
        assertEquals("", run.err());
        assertEquals("""
                # TYPE loka_stratum_errors counter
                # HELP loka_stratum_errors Error events, by error type and service.
                loka_stratum_errors_total{error_type="x",service="s",source="backfill"} 1 1795161660
                loka_stratum_errors_total{error_type="x",service="s",source="backfill"} 2 1795161720
                # EOF
                """, run.out());
    }

    @Test
    void freshDataIsNamedOnStderr() {
        Path a = Fixtures.write(tmp.resolve("a.log"), error("2026-11-24T14:00:10Z", "x"));
        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(a.toString()), Fixtures.options(),
                ReplayTool.Format.OPENMETRICS, null, 1, false), run.out, run.err, Fixtures.LATER);
        assertEquals(0, run.code);
        assertEquals("logtally: note: the samples reach 2026-11-24T14:01:00.000Z, less than 3 hours ago: Prometheus "
                + "refuses to backfill its last 3 hours (the head block); samples that recent will be rejected or "
                + "overlap live data\n", run.err());
    }

    @Test
    void aStepThatWouldMakeMillionsOfSamplesIsRefused() {
        Path a = Fixtures.write(tmp.resolve("a.log"), error("2024-01-01T00:00:00Z", "x") + error("2026-11-20T00:00:00Z", "x"));
        Fixtures.Run run = new Fixtures.Run();
        dev.logtally.base.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.logtally.base.ConfigException.class, () -> ReplayTool.run(new ReplayTool.Request(List.of(a.toString()),
                        Fixtures.options(), ReplayTool.Format.OPENMETRICS, java.time.Duration.ofMinutes(1), 1, false),
                        run.out, run.err, Fixtures.LATER));
        assertEquals("--step: the events span 2024-01-01T00:00:00.000Z to 2026-11-20T00:01:00.000Z: 1517761 samples "
                + "per series at this step, more than 1100000; choose a larger step", e.getMessage());
        assertEquals("", run.out());
    }
}
