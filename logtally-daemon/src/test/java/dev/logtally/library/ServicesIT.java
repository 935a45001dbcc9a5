package dev.logtally.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.monitoring.ProgramRun;
import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Project;
import dev.logtally.testing.PromText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library as services use it: each sample service of {@code src/it/services} (its own Maven project,
 * one per supported stack) is built with the real {@code mvn} against the repository that
 * {@code mvn package} writes, with the README's {@code logback.xml}; it runs 2,000 requests across forced
 * rollovers (16 KB files) and prints what it logged; {@code logtally replay} over its log directory must
 * count exactly that. Its dependency tree is the one in {@code src/test/resources/services/NAME.tree}, and
 * holds nothing of the daemon.
 */
class ServicesIT {
    private static final int REQUESTS = 2000;
    private static final List<String> DAEMON_ONLY = List.of("picocli", "simpleclient", "progressbar", "jline", "commons-io");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path shared;
    static SampleServices services;

    @BeforeAll
    static void prepare() throws IOException {
        services = SampleServices.prepare(shared, readmeLogbackXml());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"spring-boot-3", "spring-boot-4", "logback-1.6"})
    void replayCountsExactlyWhatTheServiceLogged(String name, @TempDir Path tmp) throws IOException {
        SampleServices.Build build = services.build(name);

        assertEquals(Files.readString(Project.module().resolve("src/test/resources/services/" + name + ".tree")),
                build.tree(), "the dependency tree of " + name);
        for (String artifact : DAEMON_ONLY) {
            assertTrue(!build.tree().toLowerCase(Locale.ROOT).contains(artifact), artifact + " in " + name + ":\n" + build.tree());
        }
        assertEquals("logtally", services.resolvedFrom("0.1.0"), "where the build took logtally-logback from");
        assertEquals(-1, Files.mismatch(services.resolvedLibrary("0.1.0"),
                SampleServices.LIBRARY_REPOSITORY.resolve("dev/logtally/logtally-logback/0.1.0/logtally-logback-0.1.0.jar")));

        Path logs = tmp.resolve("logs");
        String service = "orders-" + name;
        ProgramRun.Result run = build.run(logs, service, REQUESTS);
        JsonNode logged = summary(run.output());
        assertEquals(REQUESTS, logged.path("requests").asInt(), run.output());

        assertTrue(Files.isDirectory(logs), "no logs in -Dlogtally.dir=" + logs + ": does the logback.xml override it?\n" + run.output());
        long archives;
        try (Stream<Path> files = Files.list(logs)) {
            archives = files.filter(p -> p.getFileName().toString().matches("app\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log\\.gz")).count();
        }
        assertTrue(archives >= 10, "forced rollovers: " + archives + " archives in " + logs);

        Map<String, Double> expected = new TreeMap<>();
        expected.put("logtally_lines_total", logged.path("events").asDouble());
        logged.path("timed").properties().forEach(e ->
                expected.put("orders_request_duration_seconds_count{method=\"" + e.getKey() + "\"}", e.getValue().asDouble()));
        logged.path("errors").properties().forEach(e ->
                expected.put("orders_errors_total{error_type=\"" + e.getKey() + "\",service=\"" + service + "\"}", e.getValue().asDouble()));
        expected.put("orders_queue_depth", logged.path("gauges").path("queue_depth").asDouble());
        assertEquals(expected, replay(tmp, logs));
    }

    /** {@code logtally replay LOGS --format prometheus}: the lines count, the histogram counts, the errors and the gauge. */
    private static Map<String, Double> replay(Path tmp, Path logs) throws IOException {
        Path config = Files.writeString(tmp.resolve("replay.properties"), "namespace = orders\ngauges = queue_depth\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProgramRun.Result r = ProgramRun.run(Duration.ofMinutes(2), tmp, Map.of(), java, "-jar",
                LogtallyProcess.jar().toAbsolutePath().toString(), "replay", logs.toString(), "--config", config.toString(),
                "--format", "prometheus").assertSuccess("logtally replay");
        Map<String, Double> counted = new TreeMap<>();
        PromText.parse(r.output()).forEach((series, value) -> {
            if (series.equals("logtally_lines_total") || series.startsWith("orders_request_duration_seconds_count")
                    || series.startsWith("orders_errors_total") || series.equals("orders_queue_depth")
                    || (series.startsWith("logtally_parse_errors_total") && value != 0)) {
                counted.put(series, value);
            }
        });
        return counted;
    }

    /** The service's JSON summary: its last line starting with {@code {"requests":}. */
    private static JsonNode summary(String output) {
        String line = output.lines().filter(l -> l.startsWith("{\"requests\":")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no summary in the service's output:\n" + output));
        return JSON.readTree(line);
    }

    /** The {@code logback.xml} of the README's "Use it in your service": what the services are given. */
    static String readmeLogbackXml() throws IOException {
        String readme = Files.readString(Project.dir().resolve("README.md"));
        int section = readme.indexOf("\n## Use it in your service\n");
        assertTrue(section >= 0, "README has no section 'Use it in your service'");
        int start = readme.indexOf("```xml\n<configuration>", section);
        assertTrue(start >= 0, "no ```xml <configuration> block in the README's 'Use it in your service'");
        start += "```xml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
