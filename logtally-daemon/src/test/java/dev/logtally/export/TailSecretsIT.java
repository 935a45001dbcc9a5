package dev.logtally.export;

import dev.logtally.testing.Project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.LogtallyProcess;
import dev.logtally.testing.Poll;
import dev.logtally.testing.PromText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pushgateway password of {@code logtally tail} appears in no log line, error message or process
 * argument: neither when the real Pushgateway (basic auth through its web config) refuses a wrong one,
 * nor when it accepts the right one.
 */
class TailSecretsIT {
    private static final String RIGHT = "logtally-test-password";
    private static final String WRONG = "wrong-secret-4f9c2a";

    @TempDir
    Path tmp;

    @Test
    void thePasswordNeverShows() throws Exception {
        Path webConfig = Project.module().resolve("src/test/resources/export/web-basic-auth.yml");
        Path log = Files.writeString(tmp.resolve("app.log"),
                "{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"level\":\"ERROR\",\"error_type\":\"boom\",\"service\":\"s\"}\n");
        try (SecuredPushgateway pg = SecuredPushgateway.start(tmp, webConfig, false)) {
            // a wrong password: refused with 401, said in one line, the password nowhere
            try (LogtallyProcess tail = start(pg, "wrong")) {
                Poll.until(Duration.ofSeconds(30), "the 401 to be reported", () -> tail.output().contains("(401)"));
                assertNoSecret(tail, WRONG);
            }
            // the right password: accepted; still nowhere to be seen
            try (LogtallyProcess tail = start(pg, "right")) {
                Map<String, Double> m = Poll.forValue(Duration.ofSeconds(30), "the push to arrive", () -> {
                    try {
                        Map<String, Double> s = PromText.parse(pg.get("/metrics", "pusher", RIGHT, null));
                        return s.containsKey("t_errors_total{error_type=\"boom\",instance=\"i\",job=\"secrets\",service=\"s\"}") ? s : null;
                    } catch (Exception e) {
                        return null;
                    }
                });
                assertEquals(1.0, m.get("t_errors_total{error_type=\"boom\",instance=\"i\",job=\"secrets\",service=\"s\"}"));
                assertNoSecret(tail, RIGHT);
                assertEquals(0, tail.terminate(30));
                assertNoSecret(tail, RIGHT);
            }
        }
    }

    private LogtallyProcess start(SecuredPushgateway pg, String which) throws Exception {
        Path pw = Files.writeString(tmp.resolve(which + ".pw"), (which.equals("right") ? RIGHT : WRONG) + "\n");
        Path config = Files.writeString(tmp.resolve(which + ".properties"), String.join("\n",
                "push.username = pusher",
                "push.password.file = " + pw,
                "poll.interval = 20ms") + "\n");
        return LogtallyProcess.start(tmp.resolve("out-" + which), "tail", "--path", tmp.resolve("app.log").toString(),
                "--state-dir", tmp.resolve("state-" + which).toString(), "--push", pg.url(), "--job", "secrets",
                "--instance", "i", "--push-interval", "300ms", "--namespace", "t", "--config", config.toString());
    }

    private static void assertNoSecret(LogtallyProcess tail, String secret) throws Exception {
        String out = tail.output();
        assertTrue(out.contains("push.password = ****"), "the effective configuration is logged, masked:\n" + out);
        assertFalse(out.contains(secret), "the password is in the output:\n" + out);
        if (tail.isAlive()) {
            String cmdline = Files.readString(Path.of("/proc/" + tail.pid() + "/cmdline"), StandardCharsets.UTF_8);
            assertFalse(cmdline.contains(secret), "the password is in the process arguments");
            String environ = new String(Files.readAllBytes(Path.of("/proc/" + tail.pid() + "/environ")), StandardCharsets.UTF_8);
            assertFalse(environ.contains(secret), "the password is in the process environment");
        }
    }
}
