package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic workload for the backfill test: three hours of events from 2026-11-20T08:00:00Z (long
 * before any "now" of a test run, so Prometheus takes them), one every 5–15 s — errors of two types, timed
 * events of two methods with durations around the bucket bounds — in three hourly files: two {@code .gz}
 * archives and the active file. It keeps every event, so a test computes the exact truth at any instant.
 *
 * <pre>{@code
 * BackfillWorkload w = BackfillWorkload.write(dir, 7);
 * long errorsBefore = w.errorsBefore("timeout", Instant.parse("2026-11-20T09:30:00Z"));
 * }</pre>
 */
final class BackfillWorkload {
    static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final double[] DURATIONS_MS = {3, 5, 9.5, 10, 24, 50, 99.9, 100, 100.1, 240, 480, 1200};

    private record Ev(long millis, String errorType, String method, double ms) {
    }

    private final List<Ev> events = new ArrayList<>();

    private BackfillWorkload() {
    }

    static BackfillWorkload write(Path dir, long seed) {
        BackfillWorkload w = new BackfillWorkload();
        Random r = new Random(seed);
        StringBuilder[] files = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        long t = START.toEpochMilli();
        long end = START.plusSeconds(3 * 3600).toEpochMilli();
        while (true) {
            t += 5_000 + r.nextInt(10_001);
            if (t >= end) {
                break;
            }
            int hour = (int) ((t - START.toEpochMilli()) / 3_600_000);
            String ts = q(Instant.ofEpochMilli(t).toString());
            int kind = r.nextInt(10);
            Ev ev;
            String text;
            if (kind < 3) {
                String type = kind == 0 ? "refused" : "timeout";
                ev = new Ev(t, type, null, Double.NaN);
                text = line("@timestamp", ts, "level", q("ERROR"), "message", q("failed"), "error_type", q(type),
                        "service", q("api"));
            } else if (kind < 8) {
                String method = kind < 6 ? "GET /a" : "POST /b";
                double ms = DURATIONS_MS[r.nextInt(DURATIONS_MS.length)];
                ev = new Ev(t, null, method, ms);
                text = line("@timestamp", ts, "level", q("INFO"), "message", q("took"), "method", q(method),
                        "duration_ms", Double.toString(ms), "service", q("api"));
            } else {
                ev = new Ev(t, null, null, Double.NaN);
                text = line("@timestamp", ts, "level", q("INFO"), "message", q("chatter"), "service", q("api"));
            }
            w.events.add(ev);
            files[hour].append(text);
        }
        Fixtures.gzip(dir.resolve("api.2026-11-20.0.log.gz"), files[0].toString());
        Fixtures.gzip(dir.resolve("api.2026-11-20.1.log.gz"), files[1].toString());
        Fixtures.write(dir.resolve("api.log"), files[2].toString());
        return w;
    }

    /** Error events of {@code type} before {@code instant}. */
    long errorsBefore(String type, Instant instant) {
        return events.stream().filter(e -> type.equals(e.errorType) && e.millis < instant.toEpochMilli()).count();
    }

    /** Timed events of {@code method} before {@code instant} whose duration is at most {@code le} seconds. */
    long bucketBefore(String method, double le, Instant instant) {
        return events.stream().filter(e -> method.equals(e.method) && e.millis < instant.toEpochMilli()
                && e.ms / 1000.0 <= le).count();
    }
}
