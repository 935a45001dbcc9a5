package dev.logtally.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.pipeline.FollowPipeline;
import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.archive.FirstEvents;
import dev.logtally.archive.LogInputs;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Replay;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.export.TextFormat;
import dev.logtally.testing.PromText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs real services write, through both ways of reading: {@code tail} (the follower, parser and
 * aggregator, with a checkpoint and a restart from it in between) and {@code replay} of the same file.
 * Each must give exactly the same, exact values.
 */
class ServiceInputsTest {
    @TempDir
    Path tmp;

    private Options options(Path log) {
        return OptionsLoader.load(null, Map.of(
                "paths", log.toString(),
                "state.dir", tmp.resolve("state").toString(),
                "namespace", "ns",
                "listen", "127.0.0.1:0"), Map.of());
    }

    private static void append(Path log, byte[] bytes) throws IOException {
        Files.write(log, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void append(Path log, String text) throws IOException {
        append(log, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Tail: the first part, a checkpoint, a restart from it (a new pipeline), the second part. */
    private Map<String, Double> tail(Path log, byte[] first, String second) throws IOException {
        Options o = options(log);
        append(log, first);
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            fp.poll();
            fp.checkpoint();
        }
        append(log, second);
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            fp.poll();
            return values(fp.checkpoint());
        }
    }

    private Map<String, Double> replay(Path log) {
        Options o = options(log);
        Replay.Result r = new Replay(o, Clock.systemUTC(), 1, 0)
                .run(FirstEvents.oldestFirst(LogInputs.expand(List.of(log.toString())).files(),
                        Pipeline.parserOptions(o), o.lineMaxBytes()), Progress.NONE);
        assertEquals(List.of(), r.problems());
        return values(r.totals());
    }

    /** The series both tail and replay have (tail adds its own gauges and push counters); parse errors seen. */
    private static Map<String, Double> values(MetricSnapshot s) {
        Map<String, Double> out = new TreeMap<>();
        PromText.parse(TextFormat.render(s)).forEach((k, v) -> {
            boolean error = k.startsWith("logtally_parse_errors_total");
            if (k.startsWith("ns_") || error && v != 0 || k.startsWith("logtally_events_total")
                    || k.startsWith("logtally_lines_total")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String timed(String method, String durationMs) {
        return "{\"@timestamp\":\"2026-12-01T10:00:00Z\",\"level\":\"INFO\",\"method\":\"" + method
                + "\",\"duration_ms\":" + durationMs + "}\n";
    }

    private static final String ERROR = "{\"@timestamp\":\"2026-12-01T10:00:00Z\",\"level\":\"ERROR\",\"error_type\":\"timeout\",\"service\":\"s\"}\n";

    @Test
    void aByteOrderMarkAtTheStartOfAFileDropsNoLine() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] first = (new String(bom, StandardCharsets.ISO_8859_1) + ERROR).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Double> expected = Map.of(
                "ns_errors_total{error_type=\"timeout\",service=\"s\"}", 2.0,
                "logtally_events_total", 2.0,
                "logtally_lines_total", 2.0);

        assertEquals(expected, tail(tmp.resolve("tail.log"), first, ERROR));
        Path replayed = tmp.resolve("replay.log");
        append(replayed, first);
        append(replayed, ERROR);
        assertEquals(expected, replay(replayed));
    }

    @Test
    void oneAbsurdDurationIsRejectedAndDoesNotPoisonTheSum() throws IOException {
        String first = timed("m", "1e300") + timed("m", "250");
        String second = timed("m", "1000") + timed("m", "2592000001") + timed("m", "2592000000");
        Map<String, Double> expected = new TreeMap<>(Map.of(
                "ns_request_duration_seconds_count{method=\"m\"}", 3.0,
                "ns_request_duration_seconds_sum{method=\"m\"}", 2592001.25,
                "ns_request_duration_seconds_bucket{le=\"0.25\",method=\"m\"}", 1.0,
                "ns_request_duration_seconds_bucket{le=\"1\",method=\"m\"}", 2.0,
                "ns_request_duration_seconds_bucket{le=\"10\",method=\"m\"}", 2.0,
                "ns_request_duration_seconds_bucket{le=\"+Inf\",method=\"m\"}", 3.0,
                "logtally_parse_errors_total{reason=\"invalid_duration\"}", 2.0,
                "logtally_events_total", 5.0,
                "logtally_lines_total", 5.0));

        Map<String, Double> tail = tail(tmp.resolve("tail.log"), first.getBytes(StandardCharsets.UTF_8), second);
        assertEquals(expected, only(tail, expected));
        Path replayed = tmp.resolve("replay.log");
        append(replayed, first + second);
        assertEquals(expected, only(replay(replayed), expected));
    }

    @Test
    void unreadBytesThatWentMissingAreCountedInLostBytesAcrossRestarts() throws IOException {
        Path log = tmp.resolve("app.log");
        Options o = options(log);
        String line = ERROR;                                 // 99 bytes
        int n = (5 << 20) / line.length();
        append(log, line.repeat(n));
        long counted;
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            fp.poll();                                       // at most 4 MiB a file per poll: the rest stays unread
            counted = PromText.parse(TextFormat.render(fp.checkpoint())).get("logtally_bytes_total").longValue();
        }
        Files.delete(log);                                   // gone while stopped, unread bytes in it
        append(log, ERROR);
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            fp.poll();
            Map<String, Double> v = PromText.parse(TextFormat.render(fp.checkpoint()));
            assertEquals((double) ((long) n * line.length() - counted), v.get("logtally_lost_bytes_total"));
        }
        try (FollowPipeline fp = FollowPipeline.open(o, Clock.systemUTC())) {
            assertEquals((double) ((long) n * line.length() - counted),
                    PromText.parse(TextFormat.render(fp.checkpoint())).get("logtally_lost_bytes_total"), "checkpointed");
        }
    }

    @Test
    void anObjectWrittenOverSeveralLinesIsOneEventEvenWithARestartInsideIt() throws IOException {
        // As the ECS encoder writes with stackTraceAsArray=true; the tailer stops after the object's second line.
        String first = ERROR + "{\"@timestamp\":\"2026-12-01T10:00:00Z\",\"level\":\"ERROR\",\"service\":\"s\",\"stack_trace\":[\n"
                + "\t\"java.net.SocketTimeoutException: read timed out\",\n";
        String second = "\t\"\\tat dev.Pool.submit(Pool.java:1)\"\n]}\n" + ERROR;
        Map<String, Double> expected = Map.of(
                "ns_errors_total{error_type=\"timeout\",service=\"s\"}", 2.0,
                "ns_errors_total{error_type=\"unknown\",service=\"s\"}", 1.0,
                "logtally_events_total", 3.0,
                "logtally_lines_total", 3.0);

        assertEquals(expected, tail(tmp.resolve("tail.log"), first.getBytes(StandardCharsets.UTF_8), second));
        Path replayed = tmp.resolve("replay.log");
        append(replayed, first + second);
        assertEquals(expected, replay(replayed));
    }

    private static Map<String, Double> only(Map<String, Double> all, Map<String, Double> keys) {
        Map<String, Double> out = new TreeMap<>();
        keys.keySet().forEach(k -> out.put(k, all.get(k)));
        return out;
    }
}
