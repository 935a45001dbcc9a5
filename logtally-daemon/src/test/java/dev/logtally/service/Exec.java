package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion with a deadline, stdin from {@code /dev/null}, and captures what it printed.
 * The service tests drive real Debian tools with it ({@code systemd-analyze}, {@code dpkg-deb}, {@code dpkg}).
 *
 * <pre>{@code
 * Exec.Result r = Exec.run(Duration.ofSeconds(30), "dpkg-deb", "--field", deb.toString(), "Package");
 * assertEquals("logtally\n", r.stdout(), r.describe());
 * }</pre>
 *
 * A program that overruns its deadline is killed and fails the test; stdin at end of file makes an
 * unexpected prompt (a dpkg conffile question) fail at once instead of hanging.
 */
final class Exec {
    private Exec() {
    }

    /** What one run produced. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** The command, its exit code and its output, for assertion messages. */
        String describe() {
            return String.join(" ", command) + "\n  exit " + exitCode + "\n  stdout: " + stdout + "\n  stderr: " + stderr;
        }
    }

    /** Runs {@code command}; fails the test if it does not finish within {@code timeout}. */
    static Result run(Duration timeout, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("exec", ".out");
            err = Files.createTempFile("exec", ".err");
            Process p = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command)
                        + "\n  stdout: " + Files.readString(out) + "\n  stderr: " + Files.readString(err));
            }
            return new Result(List.copyOf(command), p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Runs {@code command} with a 60 s deadline. */
    static Result run(String... command) {
        return run(Duration.ofSeconds(60), List.of(command));
    }

    /** Runs {@code command} with a 60 s deadline and asserts that it exits 0. */
    static Result ok(String... command) {
        Result r = run(command);
        assertEquals(0, r.exitCode(), r::describe);
        return r;
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
