package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logtally demo}, the README's first command: runs with no external service and shows what it counts. */
class DemoCommandIT {
    @TempDir
    Path tmp;

    @Test
    void showsErrorsLatenciesAndGaugesOfTheSampleService() {
        LogtallyProcess demo = LogtallyProcess.start(tmp, "demo", "--duration", "4s", "--rate", "300", "--listen", "127.0.0.1:0");
        assertEquals(0, demo.waitFor(60), demo.output());
        String out = demo.output();
        String last = out.substring(out.lastIndexOf("logtally demo"));
        Matcher m = Pattern.compile("lines read ([\\d,]+)").matcher(last);
        assertTrue(m.find(), last);
        assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 300, "counted the sample service's lines:\n" + last);
        for (String expected : new String[] {"errors by type", "latency per method", "mining.submit", "gauges",
                "active_connections", "pool_connected", "memory_used_bytes", "/metrics at http://127.0.0.1:"}) {
            assertTrue(last.contains(expected), expected + " missing from:\n" + last);
        }
    }
}
