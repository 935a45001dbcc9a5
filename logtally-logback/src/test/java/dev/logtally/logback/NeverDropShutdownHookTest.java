package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JVM that simply ends, with events still queued in the drop-in's async appender: Logback's
 * {@code <shutdownHook/>} stops the context and every queued event reaches the file (run in a child JVM,
 * {@link ShutdownHookMain}, because the hook runs at JVM exit).
 */
class NeverDropShutdownHookTest {
    @Test
    void theShutdownHookWritesEveryQueuedEvent(@TempDir Path dir) throws Exception {
        int n = 2_000;
        Path config = Path.of(NeverDropShutdownHookTest.class.getResource("/logback/never-drop-shutdown-hook.xml").toURI());
        String output = ChildJvm.run(dir.resolve("child.out"), 50,
                "-Dlogback.configurationFile=" + config,
                "-Dlogtally.dir=" + dir.resolve("logs"),
                "-Dlogtally.asyncMaxLatency=1 minute",
                "-cp", System.getProperty("java.class.path"),
                ShutdownHookMain.class.getName(), Integer.toString(n));
        assertEquals("queued " + n, output.lines().filter(l -> l.startsWith("queued ")).findFirst().orElse(output),
                "all events still queued when main returned");
        List<String> lines = DropIn.read(dir.resolve("logs").resolve("app.log"));
        assertEquals(n, lines.size(), "lines written by the shutdown hook");
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < n; i++) {
            assertEquals("event " + i, json.readTree(lines.get(i)).path("message").asString());
        }
    }
}
