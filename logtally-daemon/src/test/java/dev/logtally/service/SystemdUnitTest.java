package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped unit {@code systemd/logtally-tailer.service}: clean for {@code systemd-analyze verify}, an
 * exposure of at most 2.0 ("OK") for {@code systemd-analyze security --offline=yes}, and the settings the
 * service issue asks for. Negative controls show that each check can fail.
 */
class SystemdUnitTest {
    static final Path PROJECT = Project.dir();
    /** The daemon module: its launcher source and its build output. */
    static final Path MODULE = Project.module();
    static final Path UNIT = PROJECT.resolve("systemd/logtally-tailer.service");
    static final Path LAUNCHER = MODULE.resolve("src/main/sh/logtally");
    static final Path CONFIG = PROJECT.resolve("packaging/etc/logtally/tailer.properties");
    static final String NAME = "logtally-tailer.service";

    /** The issue's bound: exposure 2.0 is the top of "OK"; systemd-analyze's --threshold counts tenths. */
    static final int THRESHOLD = 20;

    /**
     * Findings of {@code security} the unit accepts, each for a reason written in the unit: the tailer needs
     * the network (Pushgateway, /metrics) and the JVM's JIT needs writable+executable memory; the IP allow
     * list is the operator's to set; ProtectClock= itself adds read access to the RTC; a root image would
     * have to carry a Java runtime; setpriority (of @resources) lets the issues page lower its own threads'
     * priority (an unprivileged process can only lower them). Any other finding fails the test, whatever the total.
     */
    static final Set<String> ACCEPTED = Set.of(
            "PrivateNetwork=",
            "RestrictAddressFamilies=~AF_(INET|INET6)",
            "RestrictAddressFamilies=~AF_UNIX",
            "IPAddressDeny=",
            "MemoryDenyWriteExecute=",
            "DeviceAllow=",
            "RootDirectory=/RootImage=",
            "SystemCallFilter=~@resources");

    @TempDir
    Path tmp;

    @Test
    void verifyReportsNothing() {
        Exec.Result r = AnalyzeRoot.create(tmp, UNIT, LAUNCHER).verify(NAME);

        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("", r.stdout() + r.stderr(), r::describe);
    }

    @Test
    void verifyFailsWhenTheLauncherIsMissing() throws IOException {
        AnalyzeRoot root = AnalyzeRoot.create(tmp, UNIT, LAUNCHER);
        Files.delete(root.dir().resolve("usr/bin/logtally"));

        Exec.Result r = root.verify(NAME);

        assertNotEquals(0, r.exitCode(), r::describe);
        assertEquals(NAME + ": Command /usr/bin/logtally is not executable: No such file or directory\n", r.stderr(), r::describe);
    }

    @Test
    void verifyFailsOnAKeyInTheWrongSection() throws IOException {
        AnalyzeRoot root = AnalyzeRoot.create(tmp, UNIT, LAUNCHER);
        String text = Files.readString(UNIT).replace("[Service]\n", "[Service]\nStartLimitIntervalSec=10min\n");
        root.write(NAME, text);

        Exec.Result r = root.verify(NAME);

        assertNotEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stderr().contains("Unknown key 'StartLimitIntervalSec' in section [Service]"), r::describe);
    }

    @Test
    void exposureIsOkAndOnlyAcceptedFindingsRemain() {
        Exec.Result r = AnalyzeRoot.create(tmp, UNIT, LAUNCHER).security(NAME, THRESHOLD);

        double exposure = AnalyzeRoot.exposure(r, NAME);
        assertTrue(exposure <= 2.0, "exposure " + exposure + " is above 2.0:\n" + r.stdout());
        assertEquals(0, r.exitCode(), r::describe);
        List<String> unexpected = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("✗ ")) {
                String finding = line.substring(2).strip().split("\\s+")[0];
                if (!ACCEPTED.contains(finding)) {
                    unexpected.add(line.strip());
                }
            }
        }
        assertEquals(List.of(), unexpected, "findings not accepted by the unit's design:\n" + r.stdout());
    }

    @Test
    void thresholdFailsAnUnhardenedUnit() throws IOException {
        AnalyzeRoot root = AnalyzeRoot.create(tmp, UNIT, LAUNCHER);
        root.write("weak.service", "[Service]\nUser=logtally\nExecStart=/usr/bin/logtally tail --config /etc/logtally/tailer.properties\n");

        Exec.Result r = root.security("weak.service", THRESHOLD);

        assertTrue(AnalyzeRoot.exposure(r, "weak.service") > 2.0, r::describe);
        assertNotEquals(0, r.exitCode(), r::describe);
    }

    @Test
    void unitRunsTheTailerTheWayTheIssueAsks() {
        UnitFile unit = UnitFile.read(UNIT);

        assertEquals("/usr/bin/logtally tail --config /etc/logtally/tailer.properties", unit.last("Service", "ExecStart"));
        assertEquals("logtally", unit.last("Service", "User"));
        assertEquals("logtally", unit.last("Service", "StateDirectory"));
        assertEquals("strict", unit.last("Service", "ProtectSystem"));
        assertEquals("yes", unit.last("Service", "ProtectHome"));
        assertEquals("yes", unit.last("Service", "PrivateTmp"));
        assertEquals("yes", unit.last("Service", "NoNewPrivileges"));
        assertEquals("", unit.last("Service", "CapabilityBoundingSet"));
        assertEquals("@system-service", unit.all("Service", "SystemCallFilter").get(0));
        assertEquals("AF_INET AF_INET6 AF_UNIX", unit.last("Service", "RestrictAddressFamilies"));
        assertEquals("384M", unit.last("Service", "MemoryMax"));
        assertEquals("on-failure", unit.last("Service", "Restart"));
        assertEquals("2", unit.last("Service", "RestartPreventExitStatus"), "exit 2 is a configuration error");
        assertEquals("-/etc/logtally/tailer.env", unit.last("Service", "EnvironmentFile"));
        assertEquals(List.of("pushgateway-password:logtally-pushgateway-password", "pushgateway-bearer:logtally-pushgateway-bearer"),
                unit.all("Service", "LoadCredential"));
        assertEquals("5s", unit.last("Service", "RestartSec"));
        assertEquals("10min", unit.last("Unit", "StartLimitIntervalSec"));
        assertEquals("5", unit.last("Unit", "StartLimitBurst"));
        assertEquals("multi-user.target", unit.last("Install", "WantedBy"));
    }

    @Test
    void stopTimeoutLeavesRoomForTheFinalCheckpointAndPush() throws IOException {
        Duration stop = duration(UnitFile.read(UNIT).last("Service", "TimeoutStopSec"));
        Duration pushTimeout = duration(DefaultConfigTest.commentedDefault(Files.readAllLines(CONFIG), "push.timeout"));

        assertEquals(Duration.ofSeconds(5), pushTimeout);
        assertTrue(stop.compareTo(pushTimeout.multipliedBy(2)) >= 0,
                "TimeoutStopSec=" + stop + " must cover one push attempt (" + pushTimeout + "), the checkpoint and the JVM's exit");
    }

    /** A duration as systemd and logtally both write the simple cases: 30s, 5s, 2min, 250ms. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("min")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 3)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new AssertionError("not a simple duration: " + text);
    }
}
