package dev.logtally.export;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real program from a Debian package to completion (promtool, openssl) and keeps what it printed. */
record Command(int exitCode, String output) {

    /** Runs {@code program args...} in {@code dir}, stdin from {@code stdin} (or nothing), with a 60 s bound. */
    static Command run(Path dir, String program, String debianPackage, Path stdin, String... args) {
        Path binary = RealProgram.requireProgram(program, debianPackage);
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, program, ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                    : ProcessBuilder.Redirect.from(stdin.toFile()));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish within 60 s");
            }
            return new Command(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** This command's output, after checking it exited with 0. */
    String ok() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + ": " + output);
        }
        return output;
    }
}
