package dev.logtally.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code logtally} run as a separate process from the packaged {@code target/logtally.jar}, the way an
 * operator runs it: for tests that kill it with SIGKILL, stop it with SIGTERM, or read its process
 * arguments and output.
 *
 * <pre>{@code
 * try (LogtallyProcess p = LogtallyProcess.start(tmp, "tail", "--path", log.toString(), ...)) {
 *     p.kill();   // SIGKILL
 * }
 * }</pre>
 */
public final class LogtallyProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private LogtallyProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The packaged jar (failsafe passes its path; {@code mvn package} builds it). */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("logtally.jar", "target/logtally.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: integration tests run after 'mvn package' (mvn verify)");
        }
        return jar;
    }

    /** Starts {@code java -jar logtally.jar ARGS...}; its stdout and stderr go to a file in {@code dir}. */
    public static LogtallyProcess start(Path dir, String... args) {
        return start(dir, List.of(), args);
    }

    /** As {@link #start(Path, String...)}, with extra JVM options (e.g. {@code -Xmx64m}). */
    public static LogtallyProcess start(Path dir, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, "logtally-", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return new LogtallyProcess(p, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far (stdout and stderr). */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and wait for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM; returns the exit code (fails the test if it does not exit within {@code seconds}). */
    public int terminate(int seconds) {
        process.destroy();
        return waitFor(seconds);
    }

    /** Waits for the exit code. */
    public int waitFor(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("logtally did not exit within " + seconds + " s; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(30);
        }
    }
}
