package dev.logtally.service;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * A copy-on-write view of this Debian host, to install a package with the real {@code dpkg}, {@code adduser}
 * and maintainer scripts without changing the host: {@code /usr}, {@code /etc} and {@code /var} are overlay
 * mounts whose writes land in this object's directory, inside a private mount namespace that ends with each
 * command; the command runs chrooted there. The host's dpkg database, users and files stay as they were.
 *
 * <pre>{@code
 * ThrowawayRoot root = ThrowawayRoot.create(tmp);
 * root.copyIn(deb, "logtally.deb");
 * root.sh("dpkg -i /tmp/logtally.deb");
 * root.sh("getent passwd logtally");
 * }</pre>
 *
 * Needs root (mount namespaces, overlayfs, chroot); elsewhere the test is aborted with the reason.
 */
final class ThrowawayRoot {
    /** Mounts the overlays and a fresh /run, /proc and /dev, then runs the command chrooted. */
    private static final String ENTER = """
            #!/bin/sh
            # usage: enter.sh BASE COMMAND... ; run inside `unshare --mount`, so every mount below is private
            set -e
            base=$1; shift
            root=$base/root
            for d in usr etc var; do
              mkdir -p "$base/upper/$d" "$base/work/$d" "$root/$d"
              mount -t overlay overlay -o "lowerdir=/$d,upperdir=$base/upper/$d,workdir=$base/work/$d" "$root/$d"
            done
            for l in bin sbin lib lib64; do
              if [ -e "/$l" ] && [ ! -e "$root/$l" ]; then ln -s "usr/$l" "$root/$l"; fi
            done
            mkdir -p "$root/tmp" "$root/root" "$root/run" "$root/proc" "$root/dev"
            chmod 1777 "$root/tmp"
            mount -t tmpfs -o mode=0755 tmpfs "$root/run"
            mount -t proc proc "$root/proc"
            mount -t tmpfs -o mode=0755 tmpfs "$root/dev"
            for n in null zero random urandom; do
              touch "$root/dev/$n"
              mount --bind "/dev/$n" "$root/dev/$n"
            done
            exec chroot "$root" "$@"
            """;

    private final Path base;
    private final Path unshare;

    private ThrowawayRoot(Path base, Path unshare) {
        this.base = base;
        this.unshare = unshare;
    }

    /** Prepares an empty throw-away root in {@code base} (which must not lie under /usr, /etc or /var). */
    static ThrowawayRoot create(Path base) {
        assumeTrue(Exec.ok("id", "-u").stdout().strip().equals("0"),
                "installing into a throw-away root needs root (mount namespace, overlayfs, chroot): run the ITs as root");
        Path unshare = RealProgram.requireProgram("unshare", "util-linux");
        RealProgram.requireProgram("chroot", "coreutils");
        RealProgram.requireProgram("mount", "mount");
        RealProgram.requireProgram("dpkg", "dpkg");
        Path abs = base.toAbsolutePath();
        for (String d : List.of("/usr", "/etc", "/var")) {
            if (abs.startsWith(d)) {
                throw new AssertionError("the throw-away root's directory " + abs + " lies under " + d
                        + ", which it overlays; set java.io.tmpdir elsewhere (e.g. /tmp)");
            }
        }
        try {
            Files.createDirectories(abs.resolve("root/tmp"));
            Files.writeString(abs.resolve("enter.sh"), ENTER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThrowawayRoot(abs, unshare);
    }

    /** Copies {@code file} to {@code /tmp/NAME} inside the root. */
    void copyIn(Path file, String name) throws IOException {
        Files.copy(file, base.resolve("root/tmp").resolve(name));
    }

    /**
     * Puts a file at {@code path} (under /usr, /etc or /var) into the root only, with {@code mode} such as
     * "rwxr-xr-x": it shadows the host's file of that name inside the root.
     */
    void put(String path, String text, String mode) throws IOException {
        if (!path.matches("/(usr|etc|var)/.+")) {
            throw new IllegalArgumentException("only files under /usr, /etc or /var can be put: " + path);
        }
        Path file = base.resolve("upper").resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    /** Runs {@code script} with {@code sh -c} inside the root, with a clean environment. */
    Exec.Result sh(String script) {
        return Exec.run(Duration.ofSeconds(120), List.of(unshare.toString(), "--mount", "--propagation", "private",
                "sh", base.resolve("enter.sh").toString(), base.toString(),
                "/usr/bin/env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
                "sh", "-c", script));
    }
}
