package dev.logtally.testing;

import java.nio.file.Path;

/**
 * Where tests find files: the repository's root ({@link #dir()}: monitoring assets, Logback examples,
 * packaging, samples) and the Maven module under test ({@link #module()}: its golden files, its
 * {@code target/}). Surefire and failsafe pass both as system properties ({@code logtally.project.dir},
 * {@code logtally.module.dir}); without them, the working directory. One place, so that a test run from
 * another directory finds them all the same way.
 *
 * <pre>{@code
 * Path unit = Project.dir().resolve("systemd/logtally-tailer.service");
 * Path golden = Project.module().resolve("src/test/resources/logback/golden/drop-in-lines.jsonl");
 * }</pre>
 */
public final class Project {
    private Project() {
    }

    /** The repository's root directory, absolute. */
    public static Path dir() {
        return Path.of(System.getProperty("logtally.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** The directory of the Maven module whose tests run (its {@code src/} and {@code target/}), absolute. */
    public static Path module() {
        return Path.of(System.getProperty("logtally.module.dir", ".")).toAbsolutePath().normalize();
    }
}
