package dev.logtally.service;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A throw-away directory laid out like an installed system, for {@code systemd-analyze verify --root=DIR}
 * and {@code security --offline=yes --root=DIR}: this host's own unit files (so that the default
 * dependencies such as {@code sysinit.target} resolve), the unit under test where the Debian package puts
 * it, and the real launcher at {@code /usr/bin/logtally}, the program its {@code ExecStart=} names.
 *
 * <pre>{@code
 * AnalyzeRoot root = AnalyzeRoot.create(tmp, Path.of("systemd/logtally-tailer.service"), Path.of("src/main/sh/logtally"));
 * assertEquals(0, root.verify("logtally-tailer.service").exitCode());
 * }</pre>
 *
 * Why a root: this host runs no systemd as PID 1 and has no {@code /usr/bin/logtally}, and {@code verify}
 * rightly fails on an {@code ExecStart=} program that does not exist. The root holds the real launcher
 * instead of changing the host.
 */
final class AnalyzeRoot {
    static final String UNIT_DIR = "usr/lib/systemd/system";
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d) (\\S+)");

    private final Path dir;
    private final Path analyze;

    private AnalyzeRoot(Path dir, Path analyze) {
        this.dir = dir;
        this.analyze = analyze;
    }

    /** Builds the root in {@code dir}: host unit files, {@code unit} in {@value #UNIT_DIR}, {@code launcher} as /usr/bin/logtally. */
    static AnalyzeRoot create(Path dir, Path unit, Path launcher) {
        Path analyze = RealProgram.requireProgram("systemd-analyze", "systemd");
        Path hostUnits = Path.of("/usr/lib/systemd/system");
        if (!Files.isRegularFile(hostUnits.resolve("sysinit.target"))) {
            throw new AssertionError("no " + hostUnits + "/sysinit.target: install the Debian package 'systemd'");
        }
        try {
            Files.createDirectories(dir.resolve("usr/lib/systemd"));
            Files.createDirectories(dir.resolve("usr/bin"));
            Exec.ok("cp", "-a", hostUnits.toString(), dir.resolve("usr/lib/systemd").toString());
            AnalyzeRoot root = new AnalyzeRoot(dir, analyze);
            root.install(unit, unit.getFileName().toString());
            Path bin = dir.resolve("usr/bin/logtally");
            Files.copy(launcher, bin);
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code unit} into the root's unit directory as {@code name}. */
    void install(Path unit, String name) throws IOException {
        Files.copy(unit, dir.resolve(UNIT_DIR).resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes {@code text} as unit {@code name} into the root. */
    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(UNIT_DIR).resolve(name), text);
    }

    Path dir() {
        return dir;
    }

    /** {@code systemd-analyze verify}: any warning about the unit itself makes the exit code non-zero. */
    Exec.Result verify(String unitName) {
        return Exec.run(analyze.toString(), "verify", "--recursive-errors=no", "--root=" + dir, unitName);
    }

    /** {@code systemd-analyze security --offline=yes}; exits non-zero above {@code threshold} (exposure × 10). */
    Exec.Result security(String unitName, int threshold) {
        return Exec.run(analyze.toString(), "security", "--offline=yes", "--threshold=" + threshold,
                "--root=" + dir, unitName);
    }

    /** The overall exposure level that {@code security} printed for {@code unitName}, e.g. 1.1. */
    static double exposure(Exec.Result security, String unitName) {
        Matcher m = EXPOSURE.matcher(security.stdout());
        if (!m.find() || !m.group(1).equals(unitName)) {
            throw new AssertionError("no overall exposure level for " + unitName + " in: " + security.describe());
        }
        return Double.parseDouble(m.group(2));
    }
}
