package dev.logtally.testing;

import java.nio.file.Path;

/**
 * The project's root directory, where tests find shipped files (monitoring assets, Logback examples, golden
 * files, packaging): the system property {@code logtally.project.dir} that surefire and failsafe pass, else
 * the working directory. One place, so that a test run from another directory finds them all the same way.
 *
 * <pre>{@code
 * Path golden = Project.dir().resolve("src/test/resources/logback/golden/drop-in-lines.jsonl");
 * }</pre>
 */
public final class Project {
    private Project() {
    }

    /** The project's root directory, absolute. */
    public static Path dir() {
        return Path.of(System.getProperty("logtally.project.dir", ".")).toAbsolutePath().normalize();
    }
}
