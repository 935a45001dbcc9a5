package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one library jar on each stack a service runs, each in a child JVM whose classpath is that stack's exact
 * jars ({@code target/stacks/NAME}, copied by the module's pom) plus this module's classes: the README's
 * {@code logback.xml} configures Logback as in a service, {@link DropInLinesMain} logs the golden events.
 * Supported stacks write exactly the lines of {@code drop-in-lines.jsonl} (what {@link DropInLineFormatTest}
 * checks in this JVM) with no status warning; unsupported ones are refused at start with an ERROR that Logback
 * prints without {@code logback.debug}, and the events still reach the file as the minimal lines of
 * {@code drop-in-fallback-lines.jsonl}.
 */
class DropInStacksTest {
    private static final Path GOLDEN = Project.module().resolve("src/test/resources/logback/golden/drop-in-lines.jsonl");
    private static final Path FALLBACK = Project.module().resolve("src/test/resources/logback/golden/drop-in-fallback-lines.jsonl");
    private static final String NEEDS = "; logtally-logback needs Logback 1.5.x or 1.6.x with logstash-logback-encoder 8.x and Jackson 2.14+ "
            + "(com.fasterxml.jackson.core:jackson-databind), or with logstash-logback-encoder 9.x and Jackson 3.x "
            + "(tools.jackson.core:jackson-databind). Writing minimal JSON lines instead (no stack_hash, stack traces "
            + "unshortened) until the service's dependencies are fixed.";

    /**
     * sb3: Logback 1.5.18, Jackson 2.19, encoder 8.1; sb4: Logback 1.5.18, Jackson 3.0, encoder 9.0;
     * logback16: 1.6.6, Jackson 3.2, encoder 9.0; logback16-encoder8: 1.6.6, Jackson 2.19, encoder 8.1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sb3", "sb4", "logback16", "logback16-encoder8"})
    void aSupportedStackWritesTheGoldenLines(String stack, @TempDir Path dir) throws Exception {
        String output = run(stack, dir);
        assertEquals(List.of(), statusProblems(output), output);
        GoldenLines.assertMatch(GOLDEN, DropIn.read(dir.resolve("logs/app.log")));
    }

    /**
     * Many rollovers (64 KB files) and a stop right after the last event: every event is in the files once,
     * and when the JVM has exited every archive is a complete {@code .gz} (no raw or {@code .tmp} file left:
     * Logback 1.5.x and 1.6.x name the file being compressed differently, and ShutdownSafeRollingFileAppender
     * waits for both).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sb3", "sb4", "logback16", "logback16-encoder8"})
    void aSupportedStackRollsOverLosingAndLeavingNothing(String stack, @TempDir Path dir) throws Exception {
        int n = 20_000;
        // maxHistory and totalSizeCap at their defaults: the archive clean-up after each of these quick rollovers
        // (SafeHistoryRollingPolicy) must delete none of today's archives, on Logback 1.5 and 1.6.
        String output = run(stack, dir, List.of("-Dlogtally.maxFileSize=64KB"),
                DropInRolloverMain.class, Integer.toString(n));
        assertEquals(List.of(), statusProblems(output), output);
        List<Path> files = DropIn.files(dir.resolve("logs"));
        List<String> leftovers = files.stream().map(DropIn::name)
                .filter(f -> !f.equals("app.log") && !(f.startsWith("app.") && f.endsWith(".log.gz"))).collect(Collectors.toList());
        assertEquals(List.of(), leftovers, "only app.log and complete archives");
        assertTrue(files.size() > 10, "rolled over many times: " + files.size() + " files");
        Set<String> messages = new TreeSet<>();
        int lines = 0;
        for (Path f : files) {
            for (String line : DropIn.read(f)) {
                lines++;
                messages.add(line.substring(line.indexOf("\"message\":\"") + 11, line.indexOf("\",\"logger_name\"")));
            }
        }
        assertEquals(n, lines, "lines in all files");
        assertEquals(n, messages.size(), "distinct events");
        for (int i = 0; i < n; i += 997) {
            assertTrue(messages.contains("event " + i), "event " + i);
        }
    }

    /**
     * lle7: encoder 7.4 with Jackson 2.19 and Logback 1.5.18; nojackson: encoder 9.0 without Jackson;
     * jackson213: encoder 8.1 with Jackson 2.13 (older than the 2.14 the Jackson 2 flavour needs);
     * oldannotations: Jackson 3.2 with jackson-annotations 2.20 (what Maven gives a service whose dependency
     * management pins the older one), on Logback 1.6.6.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lle7           | Logback 1.5.18, logstash-logback-encoder 7.4, Jackson 2.19.2",
        "nojackson      | Logback 1.5.18, logstash-logback-encoder 9.0, Jackson (none)",
        "jackson213     | Logback 1.5.18, logstash-logback-encoder 8.1, Jackson 2.13.5",
        "oldannotations | Logback 1.6.6, logstash-logback-encoder 9.0, Jackson 3.2.4 with jackson-annotations 2.20 "
                + "(java.lang.NoClassDefFoundError: com/fasterxml/jackson/annotation/JsonSerializeAs)",
    })
    void anUnsupportedStackIsRefusedLoudlyAndTheEventsReachTheFile(String stack, String found, @TempDir Path dir) throws Exception {
        String output = run(stack, dir);
        assertEquals(List.of("ERROR in dev.logtally.logback.LogtallyEncoder: logtally: unsupported logging stack: found "
                + found + NEEDS), statusProblems(output), output);
        GoldenLines.assertMatch(FALLBACK, DropIn.read(dir.resolve("logs/app.log")));
    }

    /** Runs {@link DropInLinesMain} on the stack, writing to {@code dir/logs}; its stdout and stderr. */
    private static String run(String stack, Path dir) throws Exception {
        return run(stack, dir, List.of("-Dlogtally.service=loka-stratum", "-Dlogtally.release=2.0.0"), DropInLinesMain.class);
    }

    /** Runs {@code main} on the stack with extra JVM options and arguments, writing to {@code dir/logs}. */
    private static String run(String stack, Path dir, List<String> options, Class<?> main, String... args) throws Exception {
        Path module = Project.module();
        Path jars = module.resolve("target/stacks").resolve(stack);
        assertTrue(Files.isDirectory(jars), jars + " missing: build the module with mvn (its pom copies the stacks)");
        String classpath = String.join(File.pathSeparator, module.resolve("target/classes").toString(),
                module.resolve("target/test-classes").toString(), jars.resolve("*").toString());
        List<String> cmd = new ArrayList<>(List.of("-Dlogback.configurationFile=" + Project.dir().resolve("logback/logback.xml"),
                "-Dlogtally.dir=" + dir.resolve("logs"), "-Dlogtally.file=app"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", classpath, main.getName()));
        cmd.addAll(List.of(args));
        return ChildJvm.run(dir.resolve("child.out"), 90, cmd.toArray(new String[0]));
    }

    /**
     * The WARN and ERROR statuses Logback printed ({@code HH:mm:ss,SSS |-ERROR in origin@hash - message}), as
     * {@code "ERROR in origin: message"}.
     */
    private static List<String> statusProblems(String output) {
        return output.lines().filter(l -> l.contains("|-WARN in ") || l.contains("|-ERROR in "))
                .map(l -> l.substring(l.indexOf("|-") + 2))
                .map(l -> l.replaceFirst("^(\\w+ in [\\w.$]+)(?:@\\w+|\\[[^]]*])? - ", "$1: "))
                .collect(Collectors.toList());
    }
}
