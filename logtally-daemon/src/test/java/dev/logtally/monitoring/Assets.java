package dev.logtally.monitoring;

import dev.logtally.testing.Project;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped monitoring assets are: {@code monitoring/} of the project ({@link Project#dir()}).
 *
 * <pre>{@code
 * Path rules = Assets.file("prometheus/rules/error-tracking.yml");
 * }</pre>
 */
final class Assets {
    private Assets() {
    }

    /** {@code monitoring/} */
    static Path dir() {
        return Project.dir().resolve("monitoring");
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
