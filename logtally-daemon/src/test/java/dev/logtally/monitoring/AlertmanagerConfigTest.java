package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped Alertmanager configuration, checked by the real {@code amtool} (Debian package
 * {@code prometheus-alertmanager}): valid, routed as the system describes, templates that render.
 * Delivery itself is proven in {@link ErrorTrackingStackIT}.
 */
class AlertmanagerConfigTest {
    private final Path amtool = RealProgram.requireProgram("amtool", "prometheus-alertmanager");
    private final Path config = Assets.file("alertmanager/alertmanager.yml");

    @Test
    void checkConfigPasses() {
        ProgramRun.Result r = amtool("check-config", config.toString()).assertSuccess("amtool check-config");
        assertTrue(r.output().contains(" - 1 inhibit rules\n - 3 receivers\n - 1 templates\n"), r.output());
    }

    @Test
    void criticalAlertsGoToTheWebhookAndOnCall() {
        assertEquals("webhook,oncall-critical", route("alertname=CriticalErrorBurst", "severity=critical", "service=loka-stratum"));
    }

    @Test
    void otherAlertsGoToTheWebhookAndTheTeam() {
        assertEquals("webhook,team-email", route("alertname=HighErrorRate", "severity=warning", "service=loka-stratum"));
        assertEquals("webhook,team-email", route("alertname=SomethingElse"));
        // logtally tail's error-group alerts: their own webhook route (one notification per fingerprint), then email.
        assertEquals("webhook,team-email", route("alertname=NewErrorGroup", "severity=warning", "service=loka-stratum",
                "fingerprint=0f3c2a9e8d7b6a51"));
        assertEquals("webhook,oncall-critical", route("alertname=ErrorGroupRegressed", "severity=critical"));
    }

    @Test
    void groupsByAlertnameAndServiceWithTheSystemsTimings() throws IOException {
        String yml = Files.readString(config);
        String route = yml.substring(yml.indexOf("\nroute:\n"), yml.indexOf("\n  routes:\n"));
        assertEquals("""

                route:
                  receiver: team-email
                  group_by: [alertname, service]
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h""", route);
    }

    @Test
    void emailTemplatesRender() {
        for (String t : List.of("subject", "text", "html")) {
            ProgramRun.Result r = amtool("template", "render", "--template.glob=" + config.resolveSibling("templates") + "/*.tmpl",
                    "--template.text={{ template \"logtally.email." + t + "\" . }}").assertSuccess("rendering logtally.email." + t);
            assertTrue(r.output().startsWith(t.equals("html") ? "<!DOCTYPE html>" : "[ALERTSTATUS]"), r.output());
        }
    }

    private String route(String... labels) {
        List<String> args = new ArrayList<>(List.of("config", "routes", "test", "--config.file=" + config));
        args.addAll(List.of(labels));
        List<String> lines = amtool(args.toArray(String[]::new)).assertSuccess("amtool config routes test").output().lines()
                .filter(l -> !l.startsWith("Warning:")).toList();
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0).trim();
    }

    private ProgramRun.Result amtool(String... args) {
        List<String> cmd = new ArrayList<>(List.of(amtool.toString()));
        cmd.addAll(List.of(args));
        return ProgramRun.run(Duration.ofSeconds(60), config.getParent(), Map.of(), cmd.toArray(String[]::new));
    }
}
