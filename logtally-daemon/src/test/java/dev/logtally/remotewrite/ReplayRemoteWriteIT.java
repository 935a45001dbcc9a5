package dev.logtally.remotewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logtally replay --remote-write} of gzip archives whose events lie 4 to 7 hours back (older than the
 * 3 hours promtool refuses) into a real VictoriaMetrics: an error count and a latency bucket at three past
 * instants equal what the test computed from the lines it wrote. A replay killed with SIGKILL while writing,
 * then run again, gives the same values, and so does one more complete run: nothing is doubled.
 */
class ReplayRemoteWriteIT {
    private static final Pattern WROTE = Pattern.compile("wrote (\\d+) samples");
    private static final Pattern ROWS = Pattern.compile("vm_rows_inserted_total\\{type=\"promremotewrite\"} (\\d+)");

    @TempDir
    Path tmp;

    /** One event the test wrote: its time, and what it counts for. */
    private record Written(long millis, String errorType, String method, double durationMs) {
    }

    @Test
    void pastInstantsEqualTheTruthAndAnInterruptedReplayRerunDoublesNothing() throws IOException {
        Instant start = Instant.now().minus(Duration.ofHours(7)).truncatedTo(ChronoUnit.MINUTES);
        List<Written> events = writeArchives(Files.createDirectories(tmp.resolve("archives")), start);
        Path config = Files.writeString(tmp.resolve("replay.properties"), "remote_write.max.samples = 40\n");
        Map<String, Long> truth = new LinkedHashMap<>();
        List<Instant> instants = List.of(start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(95)),
                start.plus(Duration.ofMinutes(170)));
        for (Instant b : instants) {
            long errors = events.stream().filter(e -> e.millis() < b.toEpochMilli() && "connection_timeout".equals(e.errorType())).count();
            long fast = events.stream().filter(e -> e.millis() < b.toEpochMilli() && "mining.submit".equals(e.method())
                    && e.durationMs() / 1000.0 <= 0.1).count();
            truth.put(b + " errors", errors);
            truth.put(b + " bucket", fast);
        }
        try (RealProgram vm = RealProgram.victoriaMetrics(tmp)) {
            String[] args = {"replay", tmp.resolve("archives").toString(), "--remote-write", vm.url() + "/api/v1/write",
                "--step", "10s", "--namespace", "loka_stratum", "--config", config.toString()};

            LogtallyProcess interrupted = LogtallyProcess.start(tmp.resolve("out"), args);
            Poll.until(Duration.ofSeconds(90), "the replay to write its first samples", () -> {
                assertTrue(interrupted.isAlive(), "the replay ended before it could be interrupted:\n" + interrupted.output());
                return rows(vm) > 0;
            });
            interrupted.kill();
            long rowsAtKill = rows(vm);

            LogtallyProcess rerun = LogtallyProcess.start(tmp.resolve("out"), withProgress(args));
            assertEquals(0, rerun.waitFor(120), rerun.output());
            long samples = wrote(rerun.output());
            assertTrue(rowsAtKill < samples, "killed after " + rowsAtKill + " of " + samples + " samples");
            assertTrue(rerun.output().contains("remote write"), "a progress bar with --progress:\n" + rerun.output());
            assertEquals(truth, awaitValues(vm, instants, truth));

            LogtallyProcess again = LogtallyProcess.start(tmp.resolve("out"), args);
            assertEquals(0, again.waitFor(120), again.output());
            assertEquals(samples, wrote(again.output()));
            Poll.until(Duration.ofSeconds(30), "VictoriaMetrics to have stored the third run",
                    () -> rows(vm) >= rowsAtKill + 2 * samples);
            assertEquals(truth, values(vm, instants), "a complete rerun changes nothing");
        }
    }

    private static String[] withProgress(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "--progress";
        return out;
    }

    private static Map<String, Long> awaitValues(RealProgram vm, List<Instant> instants, Map<String, Long> truth) {
        try {
            Poll.until(Duration.ofSeconds(30), "VictoriaMetrics to answer the truth", () -> values(vm, instants).equals(truth));
        } catch (AssertionError timedOut) {
            assertEquals(truth, values(vm, instants));
        }
        return values(vm, instants);
    }

    /** The error count and the bucket at each instant, queried half a step after it. */
    private static Map<String, Long> values(RealProgram vm, List<Instant> instants) {
        StoreQueries q = new StoreQueries(vm.url(), "VictoriaMetrics");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Instant b : instants) {
            double at = b.toEpochMilli() / 1000.0 + 5;
            out.put(b + " errors", value(q.instantAt("sum(loka_stratum_errors_total{error_type=\"connection_timeout\",source=\"backfill\"})", at, Set.of())));
            out.put(b + " bucket", value(q.instantAt("loka_stratum_request_duration_seconds_bucket{method=\"mining.submit\",le=\"0.1\",source=\"backfill\"}", at, Set.of())));
        }
        return out;
    }

    private static Long value(Map<String, Double> vector) {
        return vector.size() == 1 ? Math.round(vector.values().iterator().next()) : null;
    }

    private static long rows(RealProgram vm) {
        Matcher m = ROWS.matcher(vm.get("/metrics"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long wrote(String output) {
        Matcher m = WROTE.matcher(output);
        assertTrue(m.find(), output);
        return Long.parseLong(m.group(1));
    }

    /** Three gzip archives of one event every 5 s over 3 hours from {@code start}: errors and timed events. */
    private static List<Written> writeArchives(Path dir, Instant start) throws IOException {
        String[] types = {"connection_timeout", "invalid_share"};
        String[] methods = {"mining.submit", "mining.notify"};
        double[] durations = {3, 50, 100, 120, 800};
        List<Written> out = new ArrayList<>();
        int perFile = 720;
        for (int f = 0; f < 3; f++) {
            try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.2026-01-01." + f + ".log.gz")));
                 Writer w = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
                for (int i = 0; i < perFile; i++) {
                    int n = f * perFile + i;
                    long t = start.toEpochMilli() + n * 5000L + 1234;
                    String head = "{\"@timestamp\":\"" + Instant.ofEpochMilli(t) + "\",\"service\":\"pool\",";
                    if (n % 3 == 0) {
                        String type = types[n / 3 % 2];
                        w.write(head + "\"level\":\"ERROR\",\"message\":\"failed\",\"error_type\":\"" + type + "\"}\n");
                        out.add(new Written(t, type, null, 0));
                    } else {
                        String method = methods[n % 2];
                        double ms = durations[n / 2 % durations.length];
                        w.write(head + "\"level\":\"INFO\",\"message\":\"done\",\"method\":\"" + method + "\",\"duration_ms\":" + ms + "}\n");
                        out.add(new Written(t, null, method, ms));
                    }
                }
            }
        }
        return out;
    }
}
