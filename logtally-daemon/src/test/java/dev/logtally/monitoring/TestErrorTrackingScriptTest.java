package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code monitoring/test-error-tracking.sh} on its own: valid bash, one-line errors with exit status 2 for
 * bad usage, exit status 1 naming the step when the Pushgateway is not there. Against a running stack:
 * {@link ErrorTrackingStackIT}.
 */
class TestErrorTrackingScriptTest {
    private final Path script = Assets.file("test-error-tracking.sh");

    @Test
    void isValidBash() {
        run(Map.of(), "bash", "-n", script.toString()).assertSuccess("bash -n");
    }

    @Test
    void helpPrintsTheUsageFromTheHeader() {
        ProgramRun.Result r = run(Map.of(), script.toString(), "--help");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("The manual check of a running error-tracking stack"), r.output());
        assertTrue(r.output().endsWith("wait for Prometheus to scrape the test push, default 60). Needs bash and curl.\n"), r.output());
    }

    @Test
    void badUsageExitsWith2AndSaysWhy() {
        ProgramRun.Result option = run(Map.of(), script.toString(), "--bogus");
        assertEquals(2, option.exitCode(), option.output());
        assertTrue(option.output().startsWith("test-error-tracking.sh: unknown option --bogus\n"), option.output());

        ProgramRun.Result timeout = run(Map.of("SCRAPE_TIMEOUT", "soon"), script.toString());
        assertEquals(2, timeout.exitCode(), timeout.output());
        assertEquals("test-error-tracking.sh: SCRAPE_TIMEOUT must be a whole number of seconds, not 'soon'\n", timeout.output());

        ProgramRun.Result args = run(Map.of(), script.toString(), "a", "b", "c");
        assertEquals(2, args.exitCode(), args.output());
        assertEquals("test-error-tracking.sh: at most two arguments, PUSHGATEWAY_URL and PROMETHEUS_URL\n", args.output());
    }

    @Test
    void failsAtStepOneWhenNothingListens() {
        String pg = "http://127.0.0.1:" + RealProgram.freePort();
        ProgramRun.Result r = run(Map.of("PUSHGATEWAY_URL", pg), script.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("\n[1/4] Pushgateway healthy\n  FAIL  the Pushgateway at " + pg + " is not healthy: curl: (7) "),
                r.output());
        assertTrue(r.output().contains("\nFAILED at step 1/4: the Pushgateway at " + pg + " is not healthy: "), r.output());
        assertTrue(!r.output().contains("[2/4]"), r.output());
    }

    private ProgramRun.Result run(Map<String, String> env, String... command) {
        return ProgramRun.run(Duration.ofSeconds(30), script.getParent(), env, command);
    }
}
