package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots cut into remote-write requests: the exact samples, sorted labels, bounded requests, time order. */
class RemoteBatchesTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void everySampleOfTheTextFormatWithSortedLabels() {
        RemoteBatches b = new RemoteBatches(List.of(new TimedSnapshot(T0, Fixtures.snapshot())),
                Map.of("job", "logtally", "instance", "host-1"), 1000);
        List<String> lines = RemoteWriteProto.lines(RemoteWriteProto.parse(WriteRequestEncoder.encode(b.next())));
        assertEquals(false, b.hasNext());
        String at = "@" + T0.toEpochMilli();
        List<String> expected = new ArrayList<>(List.of(
                "__name__=app_errors_total,error_type=connection_timeout,instance=host-1,job=logtally,service=api 3.0" + at,
                "__name__=app_errors_total,error_type=quote\"back\\slash\nnewline,instance=host-1,job=logtally,service=api 1.0" + at,
                "__name__=app_queue_depth,instance=host-1,job=logtally 17.5" + at,
                "__name__=app_ratio,instance=host-1,job=logtally,kind=big 2000000.0" + at,
                "__name__=app_ratio,instance=host-1,job=logtally,kind=inf Infinity" + at,
                "__name__=app_ratio,instance=host-1,job=logtally,kind=nan NaN" + at,
                "__name__=app_ratio,instance=host-1,job=logtally,kind=negative -0.25" + at,
                "__name__=app_ratio,instance=host-1,job=logtally,kind=tiny 1.0E-5" + at));
        String[] le = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
        long[] get = {1, 1, 3, 3, 3, 6, 6, 6, 6, 6, 6, 7};
        for (String method : List.of("GET /orders", "POST /orders")) {
            for (int i = 0; i < le.length; i++) {
                expected.add("__name__=app_request_duration_seconds_bucket,instance=host-1,job=logtally,le=" + le[i]
                        + ",method=" + method + " " + (method.startsWith("GET") ? (double) get[i] : 0.0) + at);
            }
            expected.add("__name__=app_request_duration_seconds_sum,instance=host-1,job=logtally,method=" + method + " "
                    + (method.startsWith("GET") ? 12.612345678 : 0.0) + at);
            expected.add("__name__=app_request_duration_seconds_count,instance=host-1,job=logtally,method=" + method + " "
                    + (method.startsWith("GET") ? 7.0 : 0.0) + at);
        }
        expected.add("__name__=logtally_lines_total,instance=host-1,job=logtally 1234567.0" + at);
        assertEquals(expected, lines);
    }

    @Test
    void requestsAreBoundedHoldEverySampleOnceAndKeepEachSeriesInTimeOrder() {
        List<TimedSnapshot> points = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            points.add(new TimedSnapshot(T0.plusSeconds(60L * i), i == 3 ? Fixtures.counter("only_at_3_total", 1) : Fixtures.snapshot()));
        }
        RemoteBatches b = new RemoteBatches(points, Map.of(), 13);
        long total = b.totalSamples();
        assertEquals(6 * 37 + 1, total);
        Map<String, Long> lastTime = new HashMap<>();
        List<String> all = new ArrayList<>();
        int requests = 0;
        while (b.hasNext()) {
            List<RemoteSeries> batch = b.next();
            requests++;
            int n = batch.stream().mapToInt(s -> s.values().length).sum();
            assertTrue(n >= 1 && n <= 13, "request of " + n + " samples");
            for (String line : RemoteWriteProto.lines(RemoteWriteProto.parse(WriteRequestEncoder.encode(batch)))) {
                all.add(line);
                String series = line.substring(0, line.lastIndexOf(' '));
                long t = Long.parseLong(line.substring(line.lastIndexOf('@') + 1));
                Long before = lastTime.put(series, t);
                assertTrue(before == null || before < t, series + " went back in time");
            }
        }
        assertEquals(total, all.size());
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "no sample twice");
        assertEquals((total + 12) / 13, requests, "every request but the last is full");
    }
}
