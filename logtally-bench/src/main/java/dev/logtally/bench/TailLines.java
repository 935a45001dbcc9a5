package dev.logtally.bench;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.Series;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic log lines as the drop-in writes them (logstash-logback-encoder 9.0 through
 * {@code logtally-appender.xml}: {@code @timestamp, @version, message, logger_name, thread_name, level,
 * level_value}, then {@code stack_trace}, MDC ({@code correlation_id}), structured arguments ({@code method,
 * duration_ms}, {@code error_type}, gauges), then {@code service, release}, then {@code stack_hash}), with
 * the exact totals a correct tailer must reach, so a benchmark can prove it measured a pipeline that counts
 * right. The same seed gives the same lines.
 *
 * <p>The mix: ~60% timed INFO events, ~28% plain INFO, ~4% WARN, ~3% gauge events, ~5% ERROR events with a
 * 1–2 KB stack trace (half with an {@code error_type}, the others typed by the exception's class name).
 * Mean line length ≈ 440 bytes (all lines, newline included).
 *
 * <pre>{@code
 * TailLines lines = new TailLines(20261124L);
 * out.write(lines.next());                // one line, with its '\n'
 * lines.check(pipeline.snapshot());       // throws unless every total is exact
 * }</pre>
 */
public final class TailLines {
    static final String NS = "loka_stratum";
    static final List<String> GAUGES = List.of("active_connections", "message_queue_size");

    private static final String[] METHODS = {"mining.submit", "mining.notify", "mining.subscribe", "mining.authorize"};
    private static final String[] LOGGERS = {
        "dev.logtally.samples.StratumProxy", "dev.logtally.samples.SimulatedShareDb", "dev.logtally.samples.MinerFleet",
    };
    private static final String[][] EXCEPTIONS = {
        {"java.net.SocketTimeoutException: Read timed out", "connection_timeout"},
        {"dev.logtally.samples.StratumProtocolException: unexpected method \\\"mining.foo\\\"", "protocol_violation"},
        {"java.sql.SQLTransientConnectionException: share-db - Connection is not available, request timed out after 30000ms",
            "db_write_failed"},
    };
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(1));
    private static final String[] SERVICES = {"loka-stratum", "loka-db"};

    private final Random r;
    private final Map<String, Long> errors = new TreeMap<>(); // "type|service" → count
    private final Map<String, long[]> timed = new TreeMap<>(); // method → {count, sum of round(ms * 1e6)}
    private long lines;
    private long bytes;
    private long errorLines;
    private long errorLineBytes;
    private long millis = 1_795_510_800_000L; // 2026-11-24T08:00:00Z

    public TailLines(long seed) {
        this.r = new Random(seed);
    }

    /** Lines made so far. */
    public long lines() {
        return lines;
    }

    /** Bytes made so far, newlines included. */
    public long bytes() {
        return bytes;
    }

    /** One line describing the file, for the benchmark's output. */
    public String describe() {
        return String.format("%,d lines, %,d bytes: mean %.0f B per line (newline included); %d ERROR lines (%.1f%%, mean %.0f B),"
                        + " the others mean %.0f B", lines, bytes, (double) bytes / lines, errorLines, 100.0 * errorLines / lines,
                (double) errorLineBytes / errorLines, (double) (bytes - errorLineBytes) / (lines - errorLines));
    }

    /** The next line, {@code \n} included. */
    public byte[] next() {
        millis += r.nextInt(3);
        String service = SERVICES[r.nextInt(10) < 8 ? 0 : 1];
        int kind = r.nextInt(100);
        String line;
        if (kind < 5) {
            String[] ex = EXCEPTIONS[r.nextInt(EXCEPTIONS.length)];
            boolean typed = r.nextBoolean();
            String type = typed ? ex[1] : simpleName(ex[0]);
            errors.merge(type + "|" + service, 1L, Long::sum);
            line = errorLine(r, millis, ex[0], typed ? ex[1] : null, service);
        } else if (kind < 65) {
            String method = METHODS[r.nextInt(METHODS.length)];
            String ms = duration(r);
            long[] t = timed.computeIfAbsent(method, k -> new long[2]);
            t[0]++;
            t[1] += Math.round(Double.parseDouble(ms) * 1e6);
            line = timedLine(r, millis, method, ms, service);
        } else if (kind < 68) {
            line = gaugeLine(r, millis, service);
        } else {
            line = infoLine(r, millis, kind < 72 ? "WARN" : "INFO", service);
        }
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        lines++;
        bytes += b.length;
        if (kind < 5) {
            errorLines++;
            errorLineBytes += b.length;
        }
        return b;
    }

    /**
     * Throws unless {@code s} (a pipeline's snapshot after reading every line made so far, once) holds
     * exactly their totals: lines, bytes, events, no parse error, errors per type and service, and the count and
     * nanosecond sum of the duration histogram per method.
     */
    public void check(MetricSnapshot s) {
        expect(s, "logtally_lines_total", lines, total(s, "logtally_lines_total"));
        expect(s, "logtally_bytes_total", bytes, total(s, "logtally_bytes_total"));
        expect(s, "logtally_events_total", lines, total(s, "logtally_events_total"));
        expect(s, "logtally_parse_errors_total", 0, total(s, "logtally_parse_errors_total"));
        Map<String, Long> seenErrors = new TreeMap<>();
        s.family(NS + "_errors_total").ifPresent(f -> f.series().forEach(x ->
                seenErrors.put(x.labelValues().get(0) + "|" + x.labelValues().get(1), (long) x.value())));
        if (!seenErrors.equals(errors)) {
            throw new IllegalStateException("errors_total " + seenErrors + ", expected " + errors);
        }
        Map<String, List<Long>> seenTimed = new TreeMap<>();
        Map<String, List<Long>> wantTimed = new TreeMap<>();
        timed.forEach((m, t) -> wantTimed.put(m, List.of(t[0], t[1])));
        MetricFamily h = s.family(NS + "_request_duration_seconds").orElseThrow(
                () -> new IllegalStateException("no duration histogram"));
        for (Series x : h.series()) {
            seenTimed.put(x.labelValues().get(0), List.of(x.count(), x.sumNanos()));
        }
        if (!seenTimed.equals(wantTimed)) {
            throw new IllegalStateException("request_duration_seconds {count, sum ns} " + seenTimed + ", expected " + wantTimed);
        }
    }

    private static void expect(MetricSnapshot s, String name, long want, long got) {
        if (want != got) {
            throw new IllegalStateException(name + " is " + got + ", expected " + want);
        }
    }

    private static long total(MetricSnapshot s, String name) {
        return s.family(name).map(f -> (long) f.series().stream().mapToDouble(Series::value).sum()).orElse(0L);
    }

    private static String head(long millis, String message, String logger, String thread, String level, int levelValue) {
        return "{\"@timestamp\":\"" + timestamp(millis) + "\",\"@version\":\"1\",\"message\":\"" + message
                + "\",\"logger_name\":\"" + logger + "\",\"thread_name\":\"" + thread + "\",\"level\":\"" + level
                + "\",\"level_value\":" + levelValue;
    }

    private static String tail(String service) {
        return ",\"service\":\"" + service + "\",\"release\":\"2.4.1\"";
    }

    private static String timedLine(Random r, long millis, String method, String ms, String service) {
        String message = method + " took " + ms + " ms"; // what Timing.record writes
        return head(millis, message, LOGGERS[0], worker(r), "INFO", 20000)
                + ",\"correlation_id\":\"" + uuid(r) + "\",\"method\":\"" + method + "\",\"duration_ms\":" + ms
                + tail(service) + "}";
    }

    private static String infoLine(Random r, long millis, String level, String service) {
        String message = level.equals("WARN")
                ? "miner rig-" + (1000 + r.nextInt(9000)) + ".worker" + r.nextInt(8) + " submitted a stale share for job "
                        + Integer.toHexString(r.nextInt()) + "; its notify came " + r.nextInt(5000) + " ms late, extranonce "
                        + Long.toHexString(r.nextLong())
                : "share " + Long.toHexString(r.nextLong()) + " from rig-" + (1000 + r.nextInt(9000)) + ".worker"
                        + r.nextInt(8) + " accepted at difficulty " + (1 << r.nextInt(20));
        return head(millis, message, LOGGERS[r.nextInt(LOGGERS.length)], worker(r), level, level.equals("WARN") ? 30000 : 20000)
                + ",\"correlation_id\":\"" + uuid(r) + "\"" + tail(service) + "}";
    }

    private static String gaugeLine(Random r, long millis, String service) {
        String gauge = GAUGES.get(r.nextInt(GAUGES.size()));
        int value = r.nextInt(5000);
        return head(millis, "gauge " + gauge + "=" + value + " sampled by the fleet monitor after " + r.nextInt(60)
                        + " s (previous sample " + r.nextInt(5000) + ", " + r.nextInt(100) + " miners reporting)",
                LOGGERS[2], "fleet-monitor", "INFO", 20000) + ",\"" + gauge + "\":" + value + tail(service) + "}";
    }

    private static String errorLine(Random r, long millis, String head, String errorType, String service) {
        int target = 1024 + r.nextInt(1024);
        StringBuilder trace = new StringBuilder(head).append("\\n");
        int frame = 0;
        while (trace.length() < target) {
            String logger = LOGGERS[frame % LOGGERS.length];
            trace.append("\\tat ").append(logger).append(".handle").append(frame).append('(')
                    .append(logger.substring(logger.lastIndexOf('.') + 1)).append(".java:").append(10 + r.nextInt(500))
                    .append(")\\n");
            frame++;
        }
        return head(millis, "request failed for rig-" + (1000 + r.nextInt(9000)), LOGGERS[r.nextInt(LOGGERS.length)],
                worker(r), "ERROR", 40000)
                + ",\"stack_trace\":\"" + trace + "\",\"correlation_id\":\"" + uuid(r) + "\""
                + (errorType == null ? "" : ",\"error_type\":\"" + errorType + "\"")
                + tail(service) + ",\"stack_hash\":\"" + Integer.toHexString(head.hashCode()) + "\"}";
    }

    private static String simpleName(String head) {
        String cls = head.substring(0, head.indexOf(':'));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    private static String duration(Random r) {
        // Milliseconds with 1–3 decimals, mostly 1–80 ms, sometimes seconds (the histogram's upper buckets).
        double ms = r.nextInt(50) == 0 ? 1000 + r.nextInt(9000) : Math.abs(r.nextGaussian() * 25 + 20);
        String s = String.format(java.util.Locale.ROOT, "%." + (1 + r.nextInt(3)) + "f", ms);
        return s;
    }

    private static String worker(Random r) {
        return "stratum-worker-" + (1 + r.nextInt(64));
    }

    /** A generated correlation ID: 32 hex digits, as {@code CorrelationId.generate()} makes them. */
    private static String uuid(Random r) {
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    private static String timestamp(long millis) {
        // The encoder writes local time with its offset; the host of these logs runs at +01:00.
        return TIMESTAMP.format(Instant.ofEpochMilli(millis));
    }
}
