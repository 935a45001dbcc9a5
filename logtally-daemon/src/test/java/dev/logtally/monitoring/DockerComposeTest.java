package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shipped docker-compose stack, without Docker (none here): valid YAML (PyYAML when installed, else the
 * structural reader alone), the whole stack with pinned images, every mounted file present, and valid for
 * the real {@code docker-compose} (Debian's package, 1.29: {@code config -q}).
 */
class DockerComposeTest {
    private final Path compose = Assets.file("docker-compose.yml");

    @Test
    void isTheWholeStackWithPinnedImages() {
        Map<String, String> images = new LinkedHashMap<>();
        ComposeFile.byLines(compose).forEach((name, s) -> images.put(name, s.image()));
        assertEquals(Map.of(
                "pushgateway", "prom/pushgateway:v1.6.2",
                "prometheus", "prom/prometheus:v2.53.2",
                "alertmanager", "prom/alertmanager:v0.27.0",
                "grafana", "grafana/grafana:11.2.0",
                "demo-app", "logtally:0.1.0",
                "tailer", "logtally:0.1.0"), images);
        assertEquals(List.of("pushgateway", "prometheus", "alertmanager", "grafana", "demo-app", "tailer"),
                List.copyOf(images.keySet()));
        images.values().forEach(DockerComposeTest::assertPinned);
    }

    @Test
    void pyYamlReadsTheSameServicesWhenInstalled() {
        JsonNode parsed = ComposeFile.byPyYaml(compose);
        if (parsed == null) {
            // Reported, not skipped: the structural reader's checks above and below still ran.
            System.err.println("DockerComposeTest: PyYAML not installed (apt-get install python3-yaml); structural check only");
            return;
        }
        assertEquals(ComposeFile.byLines(compose), ComposeFile.services(parsed));
        assertEquals("pushgateway:9091/tcp", parsed.path("services").path("pushgateway").path("ports").get(0).asString()
                .replaceFirst("^9091:", "pushgateway:") + "/tcp");
        assertEquals("..", parsed.path("services").path("demo-app").path("build").path("context").asString());
    }

    @Test
    void everyMountedFileAndTheImageBuildExist() throws IOException {
        List<String> missing = new ArrayList<>();
        int bindMounts = 0;
        for (var e : ComposeFile.byLines(compose).entrySet()) {
            for (String v : e.getValue().volumes()) {
                if (v.startsWith("./")) {
                    bindMounts++;
                    String source = v.substring(0, v.indexOf(':'));
                    if (!Files.exists(compose.resolveSibling(source))) {
                        missing.add(e.getKey() + ": " + source);
                    }
                }
            }
        }
        assertEquals(5, bindMounts, "bind mounts: prometheus, alertmanager, grafana provisioning and dashboards, tailer.properties");
        assertEquals(List.of(), missing);
        Path dockerfile = Assets.file("tailer/Dockerfile");
        List<String> from = Files.readAllLines(dockerfile).stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(List.of("FROM maven:3.9.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17.0.13_11-jre"), from);
        for (String f : from) {
            assertPinned(f.split(" ")[1]);
        }
        for (String copied : List.of("pom.xml", "README.md", "logtally-testkit", "logtally-logback", "logtally-demo",
                "logtally-daemon", "logback", "packaging", "systemd", "monitoring/tailer/tailer.properties")) {
            assertTrue(Files.exists(Project.dir().resolve(copied)), "the Dockerfile copies " + copied);
        }
    }

    @Test
    void debiansDockerComposeValidatesTheFile() {
        String dockerCompose = RealProgram.requireProgram("docker-compose", "docker-compose").toString();
        ProgramRun.Result r = ProgramRun.run(Duration.ofMinutes(1), Project.dir(), Map.of("GRAFANA_ADMIN_PASSWORD", "test"),
                dockerCompose, "-f", compose.toString(), "config", "-q");
        assertEquals(new ProgramRun.Result(0, ""), r, "docker-compose config -q says the file is valid, and nothing else");
    }

    private static void assertPinned(String image) {
        int colon = image.lastIndexOf(':');
        String tag = colon < 0 ? "" : image.substring(colon + 1);
        assertTrue(!tag.isEmpty() && !tag.equals("latest") && tag.matches(".*\\d.*"), "not pinned: " + image);
    }
}
