package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.export.TextFormat;
import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extra labels from log fields ({@code labels.extra=release,pool}) through both readers: the real tailer
 * ({@link FollowPipeline}) follows the lines across a rename rotation, then {@code replay} reads the files it
 * left; both give exactly the expected exposition of {@code NS_errors_total} and
 * {@code NS_request_duration_seconds}, with both labels bounded by the guard ({@code labels.max.values=2}) and the folds counted alike.
 */
class ExtraLabelsReplayTailTest {
    @TempDir
    Path tmp;

    /** Worked out by hand: release admits 2.4.1 and "" (the absent one), pool a and b; the rest is other. */
    private static final String EXPECTED = """
            # HELP lt_errors_total Error events, by error type and service.
            # TYPE lt_errors_total counter
            lt_errors_total{error_type="db_timeout",service="api",release="2.4.1",pool="a"} 2
            lt_errors_total{error_type="db_timeout",service="api",release="other",pool="b"} 1
            lt_errors_total{error_type="db_timeout",service="api",release="other",pool="other"} 2
            lt_errors_total{error_type="io",service="api",release="",pool="a"} 1
            # HELP lt_request_duration_seconds Duration of timed events (duration_ms / 1000), by method.
            # TYPE lt_request_duration_seconds histogram
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.005"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.01"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.025"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.05"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.1"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.25"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="0.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="1"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="2.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="10"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="a",le="+Inf"} 1
            lt_request_duration_seconds_sum{method="GET",release="2.4.1",pool="a"} 0.02
            lt_request_duration_seconds_count{method="GET",release="2.4.1",pool="a"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.005"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.01"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.025"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.05"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.1"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.25"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="0.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="1"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="2.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="10"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.1",pool="b",le="+Inf"} 1
            lt_request_duration_seconds_sum{method="GET",release="2.4.1",pool="b"} 0.3
            lt_request_duration_seconds_count{method="GET",release="2.4.1",pool="b"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.005"} 0
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.01"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.025"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.05"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.1"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.25"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="0.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="1"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="2.5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="5"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="10"} 1
            lt_request_duration_seconds_bucket{method="GET",release="2.4.2",pool="other",le="+Inf"} 1
            lt_request_duration_seconds_sum{method="GET",release="2.4.2",pool="other"} 0.007
            lt_request_duration_seconds_count{method="GET",release="2.4.2",pool="other"} 1
            """;

    private static String line(int i, String level, String release, String pool, String extra) {
        return "{\"@timestamp\":\"2026-11-24T10:00:" + String.format("%02d", i) + ".000Z\",\"level\":\"" + level
                + "\",\"service\":\"api\"" + (release == null ? "" : ",\"release\":\"" + release + "\"")
                + (pool == null ? "" : ",\"pool\":\"" + pool + "\"") + extra + "}\n";
    }

    private static List<String> firstPart() {
        return List.of(
                line(0, "ERROR", "2.4.1", "a", ",\"error_type\":\"db_timeout\""),
                line(1, "ERROR", "2.4.1", "a", ",\"error_type\":\"db_timeout\""),
                line(2, "ERROR", null, "a", ",\"error_type\":\"io\""),
                line(3, "INFO", "2.4.1", "a", ",\"method\":\"GET\",\"duration_ms\":20"),
                line(4, "INFO", "2.4.1", "b", ",\"method\":\"GET\",\"duration_ms\":300"));
    }

    private static List<String> secondPart() {
        return List.of(
                line(5, "ERROR", "2.4.2", "b", ",\"error_type\":\"db_timeout\""),
                line(6, "ERROR", "2.4.2", "c", ",\"error_type\":\"db_timeout\""),   // a third pool: other
                line(7, "ERROR", "2.4.2", "d", ",\"error_type\":\"db_timeout\""),   // a fourth: other
                line(8, "INFO", "2.4.2", null, ",\"method\":\"GET\",\"duration_ms\":7"));
    }

    @Test
    void tailAndReplayGiveTheSameLabelledSeries() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path active = logs.resolve("app.log");
        Options o = OptionsLoader.load(null, Map.of(
                "paths", active.toString(),
                "state.dir", tmp.resolve("state").toString(),
                "namespace", "lt",
                "labels.max.values", "2",
                "labels.extra", "release,pool"), Map.of());
        MetricSnapshot tail;
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            append(active, firstPart());
            fp.poll();
            Files.move(active, logs.resolve("app.2026-11-24.0.log"));
            append(active, secondPart());
            fp.poll();
            fp.poll();
            tail = fp.checkpoint();
        }
        Replay.Result replay = new Replay(o, Clock.systemUTC(), 1, 0)
                .run(FirstEvents.oldestFirst(LogInputs.expand(List.of(logs.toString())).files(),
                        Pipeline.parserOptions(o), o.lineMaxBytes()), Progress.NONE);
        assertEquals(List.of(), replay.problems());
        String fromTail = TextFormat.render(labelled(tail));
        assertEquals(EXPECTED, fromTail);
        assertEquals(fromTail, TextFormat.render(labelled(replay.totals())));
        assertEquals(List.of("lt_errors_total/pool=2.0", "lt_errors_total/release=3.0",
                "lt_request_duration_seconds/pool=1.0"), drops(tail));
        assertEquals(drops(tail), drops(replay.totals()));
    }

    /** The non-zero {@code logtally_series_dropped_total} series, as metric/label=value. */
    private static List<String> drops(MetricSnapshot s) {
        return s.family(dev.logtally.aggregate.SelfMetrics.SERIES_DROPPED).orElseThrow().series().stream()
                .filter(x -> x.value() != 0)
                .map(x -> String.join("/", x.labelValues()) + "=" + x.value()).sorted().toList();
    }

    private static MetricSnapshot labelled(MetricSnapshot s) {
        List<MetricFamily> kept = new ArrayList<>();
        for (String name : List.of("lt_errors_total", "lt_request_duration_seconds")) {
            kept.add(s.family(name).orElseThrow());
        }
        return new MetricSnapshot(kept);
    }

    private static void append(Path file, List<String> lines) throws Exception {
        Files.writeString(file, String.join("", lines), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
