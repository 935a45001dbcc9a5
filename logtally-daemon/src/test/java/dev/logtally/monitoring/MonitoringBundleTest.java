package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.testing.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code monitoring/} is {@code logtally monitoring}'s output for the sample's settings
 * ({@code samples/monitoring.properties}), byte for byte, so the shipped files and the generator never
 * drift. After a change to the generator or the settings, regenerate the shipped files with the property
 * that regenerates every golden file:
 *
 * <pre>{@code
 * mvn -o -pl logtally-daemon surefire:test -Dtest=MonitoringBundleTest -Dlogtally.golden.update=true
 * }</pre>
 */
class MonitoringBundleTest {
    /** Files of {@code monitoring/} written by hand, not rendered. */
    static final Set<String> HAND_WRITTEN = Set.of("README.md", "test-error-tracking.sh", "tailer/Dockerfile");

    static MonitoringSettings sample() {
        return MonitoringSettingsLoader.load("loka_stratum", Project.dir().resolve("samples/monitoring.properties"));
    }

    @Test
    void shippedMonitoringIsTheBundleOfTheSamplesSettings() throws IOException {
        Map<String, String> rendered = MonitoringBundle.render(sample());
        if (Boolean.getBoolean("logtally.golden.update")) {
            for (Map.Entry<String, String> f : rendered.entrySet()) {
                Path p = Assets.dir().resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        }
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String> f : rendered.entrySet()) {
            Path p = Assets.dir().resolve(f.getKey());
            if (!Files.isRegularFile(p)) {
                differ.add(f.getKey() + ": not shipped");
            } else if (!new String(Files.readAllBytes(p), StandardCharsets.UTF_8).equals(f.getValue())) {
                differ.add(f.getKey() + ": differs from the rendered file");
            }
        }
        assertEquals(List.of(), differ, "monitoring/ is not the bundle of samples/monitoring.properties; regenerate it with"
                + " -Dlogtally.golden.update=true (see this test's Javadoc)");
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Assets.dir())) {
            s.filter(Files::isRegularFile).forEach(p -> shipped.add(Assets.dir().relativize(p).toString()));
        }
        Set<String> expected = new TreeSet<>(rendered.keySet());
        expected.addAll(HAND_WRITTEN);
        assertEquals(expected, shipped, "files of monitoring/: rendered ones and " + HAND_WRITTEN);
    }

    @Test
    void renderingIsAPureFunctionOfTheSettings() {
        assertEquals(MonitoringBundle.render(sample()), MonitoringBundle.render(sample()));
    }
}
