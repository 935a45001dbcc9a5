package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher and jar, started with the unit's {@code JAVA_OPTS} under {@code strace}, use only
 * system calls that the unit's {@code SystemCallFilter=} lines allow (as {@code systemd-analyze
 * syscall-filter} expands them) and only the socket families of its {@code RestrictAddressFamilies=}.
 * A call outside the filter would fail with EPERM under systemd ({@code SystemCallErrorNumber=}).
 *
 * <p>It traces {@code logtally --version} (JVM start-up, the launcher's shell tools); once {@code tail} runs,
 * tracing a short {@code tail} against a real Pushgateway would cover the network and checkpoint paths.
 */
class SandboxSyscallsIT {
    private static final Pattern CALL = Pattern.compile("^\\d+\\s+([a-z_0-9]+)\\(", Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile("socket\\((AF_[A-Z0-9]+)");

    @TempDir
    Path tmp;

    @Test
    void launcherAndJvmStayInsideTheUnitsSystemCallFilter() throws IOException {
        Path strace = RealProgram.requireProgram("strace", "strace");
        RealProgram.requireProgram("systemd-analyze", "systemd");
        UnitFile unit = UnitFile.read(SystemdUnitTest.UNIT);
        Set<String> allowed = allowed(unit.all("Service", "SystemCallFilter"));
        Path trace = tmp.resolve("trace");
        String javaOpts = unit.last("Service", "Environment").replaceAll("^\"JAVA_OPTS=|\"$", "");

        Exec.Result r = Exec.run(Duration.ofSeconds(60), List.of("env",
                "LOGTALLY_JAR=" + System.getProperty("logtally.jar", SystemdUnitTest.MODULE.resolve("target/logtally.jar").toString()),
                "JAVA_OPTS=" + javaOpts,
                strace.toString(), "-f", "-qq", "-o", trace.toString(), SystemdUnitTest.LAUNCHER.toString(), "--version"));

        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.stdout().startsWith("logtally "), r::describe);
        String text = Files.readString(trace);
        Set<String> used = new TreeSet<>();
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() > 30, "too few system calls traced, is the trace complete? " + used);
        Set<String> outside = new TreeSet<>(used);
        outside.removeAll(allowed);
        assertEquals(Set.of(), outside, "system calls outside the unit's filter");
        Set<String> families = new TreeSet<>();
        Matcher s = SOCKET.matcher(text);
        while (s.find()) {
            families.add(s.group(1));
        }
        families.removeAll(Set.of(unit.last("Service", "RestrictAddressFamilies").split(" ")));
        assertEquals(Set.of(), families, "socket families outside RestrictAddressFamilies=");
    }

    /** The allow list of {@code SystemCallFilter=} lines: the allowed sets minus the {@code ~} (deny) sets. */
    static Set<String> allowed(List<String> filterLines) {
        Set<String> allow = new TreeSet<>();
        Set<String> deny = new TreeSet<>();
        for (String line : filterLines) {
            boolean denying = line.startsWith("~");
            for (String item : (denying ? line.substring(1) : line).split("\\s+")) {
                (denying ? deny : allow).addAll(expand(item));
            }
        }
        if (allow.isEmpty()) {
            throw new AssertionError("the unit has no SystemCallFilter= allow list: " + filterLines);
        }
        allow.removeAll(deny);
        return allow;
    }

    private static Set<String> expand(String item) {
        if (!item.startsWith("@")) {
            return Set.of(item);
        }
        Exec.Result r = Exec.ok("systemd-analyze", "syscall-filter", item);
        Set<String> calls = new TreeSet<>();
        for (String line : r.stdout().lines().skip(1).toList()) {
            String name = line.strip();
            if (name.startsWith("@")) {
                calls.addAll(expand(name));
            } else if (!name.isEmpty() && !name.startsWith("#")) {
                calls.add(name);
            }
        }
        return calls;
    }
}
