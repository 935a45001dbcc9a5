package dev.logtally.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * The ground truth of the tailer's acceptance tests: appends a known, seeded mix of logstash-shaped lines
 * (errors per type and service, timed events per method, gauges, info lines, malformed and non-UTF-8
 * lines, lines written in two pieces) to {@code DIR/STEM.log}, rotates it the ways real systems do, and
 * keeps the exact metric values a correct tailer must end up with.
 *
 * <p>Rotations: {@link #rotateLogbackStyle()} renames the active file to Logback 1.6's temporary name (the
 * archive name minus {@code .gz}) and starts a new active file; {@link #finishCompression()} later gzips
 * it into the final {@code .gz} name and deletes the temporary, as Logback's asynchronous compressor does.
 * {@link #copyTruncate()} is logrotate's copytruncate; {@link #deleteAndRecreate()} replaces the file.
 *
 * <pre>{@code
 * LogWorkload w = new LogWorkload(dir, "app", 42, "loka_stratum");
 * w.append(1000, () -> {});
 * w.rotateLogbackStyle();
 * w.append(500, () -> {});
 * w.finishCompression();
 * assertEquals(w.expected(), scrapedValuesWithoutJobAndInstance);
 * }</pre>
 */
public final class LogWorkload {
    public static final String[] ERROR_TYPES = {"connection_timeout", "protocol_violation", "db_write_failed", "invalid_share", "pool_disconnected"};
    public static final String[] METHODS = {"mining.subscribe", "mining.authorize", "mining.submit", "mining.notify"};
    public static final String[] SERVICES = {"loka-stratum", "loka-db"};
    public static final String[] GAUGES = {"active_connections", "message_queue_size", "pool_connected", "memory_used_bytes"};
    public static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Path dir;
    private final String stem;
    private final String ns;
    private final Random random;
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, long[]> buckets = new TreeMap<>();
    private final Map<String, Long> sumNanos = new TreeMap<>();
    private final Map<String, Double> gauges = new TreeMap<>();
    private final Map<String, Long> parseErrors = new TreeMap<>();
    private final List<Path> pendingCompression = new ArrayList<>();
    private long time = Instant.parse("2026-11-20T08:00:00Z").toEpochMilli();
    private long lines;
    private int archiveIndex;
    private int copyIndex;

    public LogWorkload(Path dir, String stem, long seed, String namespace) {
        this.dir = dir;
        this.stem = stem;
        this.ns = namespace;
        this.random = new Random(seed);
    }

    public Path activeFile() {
        return dir.resolve(stem + ".log");
    }

    /** Complete lines written so far (malformed ones included). */
    public long lines() {
        return lines;
    }

    /**
     * Appends {@code n} lines of the mix. About one line in fifty is written in two pieces with
     * {@code betweenPieces} run in between (an in-process test polls the tailer there).
     */
    public void append(int n, Runnable betweenPieces) {
        try (FileChannel ch = FileChannel.open(activeFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < n; i++) {
                byte[] line = nextLine();
                if (random.nextInt(50) == 0 && line.length > 2) {
                    int cut = 1 + random.nextInt(line.length - 1);
                    write(ch, line, 0, cut);
                    betweenPieces.run();
                    write(ch, line, cut, line.length - cut);
                } else {
                    write(ch, line, 0, line.length);
                }
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logback-style rollover, first half: rename to the temporary archive name, start a new active file. */
    public Path rotateLogbackStyle() {
        Path tmp = dir.resolve(stem + ".2026-11-20." + archiveIndex++ + ".log");
        move(activeFile(), tmp);
        touch(activeFile());
        pendingCompression.add(tmp);
        return tmp;
    }

    /** Logback-style rollover, second half: gzip each temporary file into its {@code .gz} name, delete it. */
    public void finishCompression() {
        for (Path tmp : pendingCompression) {
            Path gz = tmp.resolveSibling(tmp.getFileName() + ".gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                Files.copy(tmp, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            delete(tmp);
        }
        pendingCompression.clear();
    }

    /** logrotate's copytruncate: copy the active file beside it, then truncate it to zero. */
    public Path copyTruncate() {
        Path copy = dir.resolve(stem + ".log." + ++copyIndex);
        try {
            Files.copy(activeFile(), copy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(activeFile(), StandardOpenOption.WRITE)) {
                ch.truncate(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Delete the active file and create a new, empty one under the same name. */
    public void deleteAndRecreate() {
        delete(activeFile());
        touch(activeFile());
    }

    /**
     * The exact values a correct tailer exposes, keyed as {@link PromText#parse} keys them (without the
     * Pushgateway's {@code job}/{@code instance} labels): every error counter, every cumulative histogram
     * bucket with {@code _count} and {@code _sum}, every gauge, and {@code logtally_parse_errors_total}.
     */
    public Map<String, Double> expected() {
        Map<String, Double> m = new TreeMap<>();
        errors.forEach((k, v) -> m.put(k, (double) v));
        buckets.forEach((method, counts) -> {
            long cumulative = 0;
            for (int b = 0; b <= BUCKETS.length; b++) {
                cumulative += counts[b];
                String le = b == BUCKETS.length ? "+Inf" : PromText.canonicalBound(Double.toString(BUCKETS[b]));
                m.put(ns + "_request_duration_seconds_bucket{le=\"" + le + "\",method=\"" + method + "\"}", (double) cumulative);
            }
            m.put(ns + "_request_duration_seconds_count{method=\"" + method + "\"}", (double) cumulative);
            m.put(ns + "_request_duration_seconds_sum{method=\"" + method + "\"}", sumNanos.get(method) / 1e9);
        });
        m.putAll(gauges);
        parseErrors.forEach((reason, v) -> m.put("logtally_parse_errors_total{reason=\"" + reason + "\"}", (double) v));
        return m;
    }

    /** The subset of {@code scraped} whose keys {@link #expected()} names, with job/instance labels removed. */
    public static Map<String, Double> comparable(Map<String, Double> scraped, Map<String, Double> expected) {
        Map<String, Double> out = new TreeMap<>();
        scraped.forEach((k, v) -> {
            String key = k.replaceAll(",?instance=\"[^\"]*\"", "").replaceAll(",?job=\"[^\"]*\"", "")
                    .replace("{,", "{").replace("{}", "");
            if (expected.containsKey(key)) {
                out.put(key, v);
            }
        });
        return out;
    }

    /** Fails with only the differing keys when {@code actual} is not exactly {@code expected}. */
    public static void assertSameValues(Map<String, Double> expected, Map<String, Double> actual) {
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        StringBuilder diff = new StringBuilder();
        for (String k : keys) {
            Double e = expected.get(k);
            Double a = actual.get(k);
            if (e == null || !e.equals(a)) {
                diff.append("\n  ").append(k).append(": expected ").append(e).append(", got ").append(a);
            }
        }
        if (diff.length() > 0) {
            throw new AssertionError(keys.size() + " series compared; these differ:" + diff);
        }
    }

    private byte[] nextLine() {
        time += 1 + random.nextInt(20);
        String ts = Instant.ofEpochMilli(time).toString();
        String service = SERVICES[random.nextInt(SERVICES.length)];
        String cid = Long.toHexString(random.nextLong());
        int kind = random.nextInt(100);
        String head = "{\"@timestamp\":\"" + ts + "\",\"@version\":\"1\",";
        if (kind < 55) {
            String method = METHODS[random.nextInt(METHODS.length)];
            double ms = duration();
            observe(method, ms);
            return utf8(head + "\"message\":\"" + method + " took " + ms + " ms\",\"logger_name\":\"dev.sample.Proxy\",\"thread_name\":\"worker-3\","
                    + "\"level\":\"INFO\",\"level_value\":20000,\"correlation_id\":\"" + cid + "\",\"method\":\"" + method
                    + "\",\"duration_ms\":" + ms + ",\"service\":\"" + service + "\"}\n");
        }
        if (kind < 63) {
            int flavour = random.nextInt(10);
            String type = ERROR_TYPES[random.nextInt(ERROR_TYPES.length)];
            String stack = "java.net.SocketTimeoutException: connect timed out\\n\\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:546)\\n\\tat dev.sample.Proxy.connect(Proxy.java:42)\\n";
            String fields;
            String counted;
            if (flavour < 7) {
                fields = "\"stack_trace\":\"" + stack + "\",\"stack_hash\":\"a1b2c3d4\",\"error_type\":\"" + type + "\",";
                counted = type;
            } else if (flavour < 9) {
                fields = "\"stack_trace\":\"" + stack + "\",\"stack_hash\":\"a1b2c3d4\",";
                counted = "SocketTimeoutException";
            } else {
                fields = "";
                counted = "unknown";
            }
            errors.merge(ns + "_errors_total{error_type=\"" + counted + "\",service=\"" + service + "\"}", 1L, Long::sum);
            return utf8(head + "\"message\":\"request failed: " + counted + "\",\"logger_name\":\"dev.sample.Proxy\",\"thread_name\":\"worker-1\","
                    + "\"level\":\"ERROR\",\"level_value\":40000," + fields + "\"correlation_id\":\"" + cid + "\",\"service\":\"" + service + "\"}\n");
        }
        if (kind < 68) {
            String g = GAUGES[random.nextInt(GAUGES.length)];
            long value = g.equals("pool_connected") ? random.nextInt(2) : random.nextInt(100_000);
            gauges.put(ns + "_" + g, (double) value);
            return utf8(head + "\"message\":\"gauge " + g + "=" + value + "\",\"logger_name\":\"dev.sample.Gauges\",\"thread_name\":\"gauges\","
                    + "\"level\":\"INFO\",\"level_value\":20000,\"" + g + "\":" + value + ",\"service\":\"" + service + "\"}\n");
        }
        if (kind < 98) {
            return utf8(head + "\"message\":\"share accepted from miner " + cid + " — ✓ ünïcödé\",\"logger_name\":\"dev.sample.Proxy\","
                    + "\"thread_name\":\"worker-2\",\"level\":\"INFO\",\"level_value\":20000,\"service\":\"" + service + "\"}\n");
        }
        if (kind == 98) {
            parseErrors.merge("malformed", 1L, Long::sum);
            return utf8(head + "\"message\":\"cut short\",\"level\":\"ERROR\",\"error_type\":\"connection_tim\n");
        }
        parseErrors.merge("invalid_utf8", 1L, Long::sum);
        byte[] a = utf8(head + "\"message\":\"bad bytes ");
        byte[] out = new byte[a.length + 4];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = (byte) 0xC3;
        out[a.length + 1] = (byte) 0x28;
        out[a.length + 2] = '"';
        out[a.length + 3] = '}';
        byte[] withNl = new byte[out.length + 1];
        System.arraycopy(out, 0, withNl, 0, out.length);
        withNl[out.length] = '\n';
        return withNl;
    }

    /** Durations with three decimals, some exactly on bucket bounds to pin the le (≤) semantics. */
    private double duration() {
        if (random.nextInt(20) == 0) {
            return BUCKETS[random.nextInt(BUCKETS.length)] * 1000;
        }
        double ms = Math.exp(random.nextGaussian() * 1.2 + 3.0);
        return Math.round(ms * 1000) / 1000.0;
    }

    private void observe(String method, double ms) {
        double seconds = ms / 1000.0;
        long[] counts = buckets.computeIfAbsent(method, k -> new long[BUCKETS.length + 1]);
        int b = 0;
        while (b < BUCKETS.length && seconds > BUCKETS[b]) {
            b++;
        }
        counts[b]++;
        sumNanos.merge(method, Math.round(ms * 1e6), Long::sum);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(FileChannel ch, byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path p) {
        try {
            Files.write(p, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
