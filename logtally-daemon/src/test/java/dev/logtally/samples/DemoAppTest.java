package dev.logtally.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.cli.Main;
import dev.logtally.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logtally demo-app} as a user runs it, in its own JVM: it logs through the real drop-in, rolls
 * over, and when it stops (at the end of {@code --duration}, or on SIGTERM as from Ctrl-C or systemd)
 * every event it counted is in the files and every archive is compressed.
 */
class DemoAppTest {
    private static final Pattern SUMMARY = Pattern.compile("demo-app: (\\d+) events in \\d+\\.\\d s to (.*)\\n");
    private static final Pattern NAMES = Pattern.compile("loka-stratum(\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz|\\.log)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Process start(Path dir, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.logtally.cli.Main", "demo-app",
                "--log-dir", dir.toString(), "--release", "9.9.9", "--seed", "5", "--max-file-size", "64KB"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolveSibling("stdout").toFile())
                .redirectError(dir.resolveSibling("stderr").toFile())
                .start();
    }

    @Test
    void runsForItsDurationAndLeavesEveryEventInTheFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("logs");
        Process p = start(dir, "--rate", "3000", "--duration", "3s");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "demo-app did not stop");
        String out = stdout(dir);
        assertEquals(0, p.exitValue(), out + stderr(dir));
        assertEquals("", stderr(dir));
        checkFiles(dir, out);
    }

    @Test
    void sigtermStopsItWithEveryEventWritten(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("logs");
        Process p = start(dir, "--rate", "3000");
        Poll.until(Duration.ofSeconds(30), "a rollover", () -> countArchives(dir) >= 2);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "demo-app did not stop");
        String out = stdout(dir);
        assertEquals(143, p.exitValue(), out + stderr(dir));
        assertEquals("", stderr(dir));
        checkFiles(dir, out);
    }

    private static void checkFiles(Path dir, String out) throws IOException {
        Matcher m = SUMMARY.matcher(out);
        assertTrue(m.matches(), out);
        assertEquals(dir.resolve("loka-stratum.log").toString(), m.group(2));
        List<Path> files = list(dir);
        for (Path f : files) {
            assertTrue(NAMES.matcher(f.getFileName().toString()).matches(), "unexpected " + f);
        }
        assertTrue(countArchives(dir) >= 2, files.toString());
        long lines = 0;
        for (Path f : files) {
            for (String line : SampleLogs.read(f)) {
                JsonNode e = JSON.readTree(line);
                assertEquals("loka-stratum", e.path("service").asString(), line);
                assertEquals("9.9.9", e.path("release").asString(), line);
                lines++;
            }
        }
        assertEquals(Long.parseLong(m.group(1)), lines, "events counted by the demo vs lines in the files");
    }

    private static long countArchives(Path dir) {
        return Files.isDirectory(dir) ? list(dir).stream().filter(f -> f.toString().endsWith(".gz")).count() : 0;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stderr(Path dir) throws IOException {
        return Files.readString(dir.resolveSibling("stderr"));
    }

    private static String stdout(Path dir) throws IOException {
        return Files.readString(dir.resolveSibling("stdout"));
    }

    @Test
    void badUsageIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertEquals(List.of("2", "logtally: --rate: must be a number of events per second, at least 1, not 0.0"),
                runInProcess("demo-app", "--rate", "0", "--log-dir", tmp.toString()));
        assertEquals(List.of("2", "logtally: --duration: '5 minutes' is not a duration (write it as Prometheus does: 250ms, 1s, 5m, 1h)"),
                runInProcess("demo-app", "--duration", "5 minutes", "--log-dir", tmp.toString()));
        assertEquals(List.of("2", "logtally: --log-dir: cannot create " + file + ": java.nio.file.FileAlreadyExistsException: " + file),
                runInProcess("demo-app", "--duration", "1s", "--log-dir", file.toString()));
        assertEquals(List.of("2", "logtally: Missing required option: '--log-dir=DIR'", "Try 'logtally demo-app --help'."),
                runInProcess("demo-app"));
    }

    /** Exit code, then the lines of stderr. Only for runs that stop before logging starts. */
    private static List<String> runInProcess(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setErr(err);
        }
        List<String> result = new ArrayList<>(List.of(String.valueOf(code)));
        result.addAll(captured.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList()));
        return result;
    }
}
