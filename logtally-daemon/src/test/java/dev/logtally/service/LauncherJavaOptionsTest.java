package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher run by {@code sh} with a stand-in {@code java} (in {@code JAVA_HOME}) that prints its
 * arguments: without {@code JAVA_OPTS} it gives the JVM the systemd unit's options (a hand-run
 * {@code tail} over many files stays as small as the service), and {@code JAVA_OPTS} replaces them.
 */
class LauncherJavaOptionsTest {
    @TempDir
    Path tmp;

    private String run(Map<String, String> env) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(tmp.resolve("logtally.jar"), "");
        ProcessBuilder pb = new ProcessBuilder("sh", SystemdUnitTest.LAUNCHER.toString(), "tail", "--help");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("LOGTALLY_JAR", jar.toString());
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.replace(jar.toString(), "JAR");
    }

    @Test
    void withoutJavaOptsTheUnitsDefaultsAreUsed() throws Exception {
        String unit = UnitFile.read(SystemdUnitTest.UNIT).last("Service", "Environment");
        String unitOptions = unit.substring(unit.indexOf('=') + 1).replace("\"", "");
        assertEquals(unitOptions + " -jar JAR tail --help", run(Map.of()));
    }

    @Test
    void javaOptsReplacesTheDefaults() throws Exception {
        assertEquals("-Xmx64m -jar JAR tail --help", run(Map.of("JAVA_OPTS", "-Xmx64m")));
        assertEquals("-jar JAR tail --help", run(Map.of("JAVA_OPTS", "")));
    }
}
