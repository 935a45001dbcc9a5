package dev.logtally.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to completion within a deadline and keeps its exit status and its output (stdout and
 * stderr interleaved), for tests that drive {@code promtool}, {@code amtool}, {@code bash}, {@code mvn} and the like.
 *
 * <pre>{@code
 * ProgramRun.Result r = ProgramRun.run(Duration.ofSeconds(60), dir, Map.of(), "promtool", "test", "rules", "a.yml");
 * r.assertSuccess("promtool test rules");
 * }</pre>
 */
public final class ProgramRun {
    private ProgramRun() {
    }

    /** What a finished program left: its exit status and everything it printed. */
    public record Result(int exitCode, String output) {
        /** Fails with the program's output unless it exited with 0. */
        public Result assertSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this process's environment; kills it and
     * fails when it has not finished after {@code timeout}.
     */
    public static Result run(Duration timeout, Path dir, Map<String, String> env, String... command) {
        try {
            Path out = Files.createTempFile("program-run", ".out");
            try {
                ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                            + " s; it printed:\n" + Files.readString(out, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
