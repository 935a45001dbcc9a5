package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test's main class run in a JVM of its own (this JVM's {@code java}), for what only a fresh JVM shows:
 * Logback's own start-up and shutdown hooks, other jars on the classpath. Fails unless it ends within the
 * deadline with exit code 0.
 *
 * <pre>{@code
 * String output = ChildJvm.run(dir.resolve("child.out"), 50, "-Dlogtally.dir=" + logs, "-cp", classpath, Main.class.getName());
 * }</pre>
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code java ARGS}, stdout and stderr into {@code out}; returns that output. */
    static String run(Path out, int deadlineSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = child.waitFor(deadlineSeconds, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(ended, "child JVM did not end within " + deadlineSeconds + " s; output:\n" + output);
        assertEquals(0, child.exitValue(), output);
        return output;
    }
}
