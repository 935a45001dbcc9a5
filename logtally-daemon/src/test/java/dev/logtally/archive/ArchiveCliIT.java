package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive commands as an operator runs them, from the packaged jar: bad input gives one line naming
 * what and where and the contract's exit code (1: a file could not be read whole, after everything else
 * was done; 2: bad usage), never a stack trace.
 */
class ArchiveCliIT {
    @TempDir
    Path tmp;

    private record Ran(int code, String output) {
        /** The lines logtally wrote about itself. */
        List<String> messages() {
            return Arrays.stream(output.split("\n")).filter(l -> l.startsWith("logtally: ")).toList();
        }

        void assertNoStackTrace() {
            assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
        }
    }

    private Ran run(String... args) {
        try (LogtallyProcess p = LogtallyProcess.start(tmp.resolve("runs"), args)) {
            int code = p.waitFor(120);
            return new Ran(code, p.output());
        }
    }

    private static String errorLine(int i) {
        return "{\"@timestamp\":\"2026-11-20T08:00:" + String.format("%02d", i % 60) + "Z\",\"level\":\"ERROR\","
                + "\"error_type\":\"timeout\",\"service\":\"s\",\"correlation_id\":\"req-" + i + "\"}\n";
    }

    @Test
    void aTruncatedGzIsNamedInOneLineAndExitsOneAfterTheTotals() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append(errorLine(i));
        }
        Path whole = Fixtures.gzip(tmp.resolve("whole.gz"), sb.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path cut = Files.write(logs.resolve("app.2026-11-20.0.log.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Ran r = run("replay", logs.toString());
        assertEquals(1, r.code(), r.output());
        assertEquals(1, r.messages().size(), r.output());
        assertTrue(r.messages().get(0).startsWith("logtally: " + cut + ": truncated gzip: "), r.output());
        assertTrue(r.output().contains("\napp_errors_total{error_type=\"timeout\",service=\"s\"} "), "totals still written");
        r.assertNoStackTrace();
    }

    @Test
    void aDirectoryWithNoLogsIsBadUsage() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing\n");
        for (String cmd : new String[] {"replay", "errors"}) {
            Ran r = run(cmd, empty.toString());
            assertEquals(2, r.code(), r.output());
            assertEquals("logtally: " + empty + ": no log files in this directory (looked for names with .log or .json, "
                    + "and .gz or .tmp archives)\n", r.output());
        }
        Ran trace = run("trace", "req-1", empty.toString());
        assertEquals(2, trace.code(), trace.output());
    }

    @Test
    void anUnreadableFileIsNamedAndTheOthersAreRead() throws Exception {
        // Root reads any file; without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH it is held to the mode bits.
        Path setpriv = RealProgram.requireProgram("setpriv", "util-linux");
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path locked = Fixtures.write(logs.resolve("app.2026-11-20.0.log"), errorLine(1));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Fixtures.write(logs.resolve("app.log"), errorLine(2) + errorLine(3));
        List<String> cmd = new ArrayList<>(List.of(setpriv.toString(), "--bounding-set", "-dac_override,-dac_read_search",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                LogtallyProcess.jar().toAbsolutePath().toString(), "replay", logs.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Ran r = new Ran(p.exitValue(), output);
        assertEquals(1, r.code(), output);
        assertEquals(List.of("logtally: " + locked + ": cannot read: permission denied"), r.messages());
        assertTrue(output.contains("\napp_errors_total{error_type=\"timeout\",service=\"s\"} 2\n"), output);
        r.assertNoStackTrace();
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        String samples = Fixtures.sampleDir().toString();
        String[][] cases = {
            {"errors", samples, "--since", "last tuesday"},
            {"errors", samples, "--since", "2h", "--until", "3h"},
            {"replay", samples, "--format", "csv"},
            {"replay", samples, "--step", "1m"},
            {"replay", samples, "--format", "openmetrics", "--step", "soon"},
            {"replay", samples, "--push", "http://127.0.0.1:1"},
            {"replay", samples, "--remote-write", "ftp://vm/api/v1/write"},
            {"replay", samples, "--remote-write", "http://127.0.0.1:1/api/v1/write", "--format", "openmetrics"},
            {"replay", tmp.resolve("missing").toString()},
            {"trace", "req-1", tmp.resolve("*.gz").toString()},
        };
        String[] expected = {
            "logtally: --since: 'last tuesday' is neither an ISO-8601 time with a zone (2026-11-24T13:00:00Z), a date "
                    + "(2026-11-24) nor a duration back from now (2h)",
            "logtally: --until: must be later than --since",
            "logtally: --format: 'csv' must be prometheus or openmetrics",
            "logtally: --step: goes only with --format openmetrics or --remote-write",
            "logtally: --step: 'soon' is not a duration (write it as Prometheus does: 250ms, 1s, 5m, 1h)",
            "logtally: push.job: is required with push.url (--job NAME)",
            "logtally: remote_write.url: must start with http:// or https://, got ftp://vm/api/v1/write",
            "logtally: --remote-write: writes the backfill to the store; leave out --format and --push",
            "logtally: " + tmp.resolve("missing") + ": no such file or directory",
            "logtally: " + tmp.resolve("*.gz") + ": matches no file",
        };
        for (int i = 0; i < cases.length; i++) {
            Ran r = run(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + "\n" + r.output());
            assertEquals(expected[i] + "\n", r.output(), String.join(" ", cases[i]));
        }
    }

    @Test
    void theJsonOutputsAreOneObjectPerLine() {
        JsonMapper json = JsonMapper.builder().build();
        String samples = Fixtures.sampleDir().toString();
        for (String[] args : new String[][] {{"errors", samples, "--json"},
            {"trace", SampleLogsGoldenTest.TRACED, samples, "--json"}}) {
            Ran r = run(args);
            assertEquals(0, r.code(), r.output());
            String[] lines = r.output().split("\n");
            assertTrue(lines.length > 5, r.output());
            for (String line : lines) {
                assertTrue(json.readTree(line).isObject(), line);
            }
        }
    }
}
