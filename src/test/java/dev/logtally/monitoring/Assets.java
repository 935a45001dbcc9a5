package dev.logtally.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped monitoring assets are: {@code monitoring/} of the project (the Maven property
 * {@code logtally.project.dir} that surefire and failsafe pass, else the working directory).
 *
 * <pre>{@code
 * Path rules = Assets.file("prometheus/rules/error-tracking.yml");
 * }</pre>
 */
final class Assets {
    private Assets() {
    }

    /** The project's root directory. */
    static Path projectDir() {
        return Path.of(System.getProperty("logtally.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** {@code monitoring/} */
    static Path dir() {
        return projectDir().resolve("monitoring");
    }

    /** A shipped file under {@code monitoring/}; fails if it is missing. */
    static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing shipped file monitoring/" + relative + " (looked at " + p + ")");
        }
        return p;
    }
}
