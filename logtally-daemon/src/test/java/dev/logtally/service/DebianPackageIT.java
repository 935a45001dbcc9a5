package dev.logtally.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package {@code target/logtally_VERSION_all.deb} built by {@code mvn package} (jdeb): its
 * metadata and contents read with {@code dpkg-deb}, then its life in a {@link ThrowawayRoot}: install,
 * upgrade, remove and purge with the real {@code dpkg}, checking the user, the state directory, the
 * conffiles, the checkpoint surviving an upgrade, and that the maintainer scripts never start or restart a
 * service the operator did not enable.
 *
 * <p>systemd is not PID 1 on the machines that run the tests, so inside the root {@code systemctl} is a
 * stand-in that records how it was called and answers {@code is-enabled} from a flag file; the scripts are
 * told that systemd runs by {@code /run/systemd/system}, as on a real host.
 */
class DebianPackageIT {
    static final Path PROJECT = SystemdUnitTest.PROJECT;
    static final Path MODULE = SystemdUnitTest.MODULE;
    static final String UNIT = "logtally-tailer.service";
    static final String CALLS = "/var/log/logtally-test-systemctl.calls";
    static final String ENABLED_FLAG = "/etc/logtally-test-unit-enabled";

    /** Records its arguments, one call a line; {@code is-enabled} answers from {@link #ENABLED_FLAG}. */
    static final String SYSTEMCTL_STAND_IN = """
            #!/bin/sh
            echo "$*" >> %s
            case "$*" in
              *is-enabled*) [ -e %s ] ;;
              *) exit 0 ;;
            esac
            """.formatted(CALLS, ENABLED_FLAG);

    static Path deb;
    static String version;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPackage() throws IOException {
        RealProgram.requireProgram("dpkg-deb", "dpkg");
        Path target = MODULE.resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("logtally_.*_all\\.deb")).sorted().toList();
            assertEquals(1, debs.size(), "exactly one package in " + target + " (run mvn package): " + debs);
            deb = debs.get(0);
        }
        try (JarFile jar = new JarFile(System.getProperty("logtally.jar", target.resolve("logtally.jar").toString()))) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertEquals("logtally_" + version + "_all.deb", deb.getFileName().toString());
    }

    @Test
    void controlFieldsDescribeTheService() {
        String fields = Exec.ok("dpkg-deb", "--field", deb.toString()).stdout();

        String installedSize = fields.lines().filter(l -> l.startsWith("Installed-Size: ")).findFirst().orElseThrow();
        assertTrue(installedSize.matches("Installed-Size: \\d{4,}"), installedSize);
        assertEquals("""
                Package: logtally
                Version: %s
                Section: admin
                Priority: optional
                Architecture: all
                Depends: adduser, default-jre-headless (>= 2:1.17) | java17-runtime-headless
                Maintainer: logtally developers <logtally@localhost>
                Description: error tracking and latency metrics from a Java service's JSON logs
                 logtally follows a Java service's rotating JSON logs (written by its Logback
                 drop-in), counts every line exactly once across restarts and rotation, and
                 turns events into Prometheus error counters, latency histograms and gauges,
                 pushed to a Pushgateway or served on /metrics.
                 .
                 This package installs the logtally command, the hardened systemd unit
                 logtally-tailer.service (not enabled or started on install) and a commented
                 default configuration in /etc/logtally.
                """.formatted(version), fields.replace(installedSize + "\n", ""));
    }

    @Test
    void dataHoldsJarLauncherUnitConfigurationAndStateDirectory() {
        String listing = Exec.ok("dpkg-deb", "--contents", deb.toString()).stdout();

        // mode, owner and path of every entry (sizes and dates vary between builds)
        String entries = listing.lines().map(l -> {
            String[] f = l.split("\\s+");
            return f[0] + " " + f[1] + " " + f[f.length - 1];
        }).sorted().collect(Collectors.joining("\n", "", "\n"));
        assertEquals("""
                -rw------- root/root ./etc/logtally/tailer.env
                -rw-r--r-- root/root ./etc/logtally/tailer.properties
                -rw-r--r-- root/root ./usr/lib/systemd/system/logtally-tailer.service
                -rw-r--r-- root/root ./usr/share/doc/logtally/README.md
                -rw-r--r-- root/root ./usr/share/logtally/logtally.jar
                -rwxr-xr-x root/root ./usr/bin/logtally
                drwxr-x--- root/root ./var/lib/logtally/
                drwxr-xr-x root/root ./etc/
                drwxr-xr-x root/root ./etc/logtally/
                drwxr-xr-x root/root ./usr/
                drwxr-xr-x root/root ./usr/bin/
                drwxr-xr-x root/root ./usr/lib/
                drwxr-xr-x root/root ./usr/lib/systemd/
                drwxr-xr-x root/root ./usr/lib/systemd/system/
                drwxr-xr-x root/root ./usr/share/
                drwxr-xr-x root/root ./usr/share/doc/
                drwxr-xr-x root/root ./usr/share/doc/logtally/
                drwxr-xr-x root/root ./usr/share/logtally/
                drwxr-xr-x root/root ./var/
                drwxr-xr-x root/root ./var/lib/
                """, entries);
    }

    @Test
    void packagedFilesAreTheBuiltOnes() throws IOException {
        Path x = tmp.resolve("x");
        Exec.ok("dpkg-deb", "--extract", deb.toString(), x.toString());

        assertSame(MODULE.resolve("target/logtally.jar"), x.resolve("usr/share/logtally/logtally.jar"));
        assertSame(MODULE.resolve("src/main/sh/logtally"), x.resolve("usr/bin/logtally"));
        assertSame(PROJECT.resolve("systemd/" + UNIT), x.resolve("usr/lib/systemd/system/" + UNIT));
        assertSame(PROJECT.resolve("packaging/etc/logtally/tailer.properties"), x.resolve("etc/logtally/tailer.properties"));
        assertSame(PROJECT.resolve("packaging/etc/logtally/tailer.env"), x.resolve("etc/logtally/tailer.env"));
        assertSame(PROJECT.resolve("README.md"), x.resolve("usr/share/doc/logtally/README.md"));
    }

    @Test
    void controlArchiveHasConffilesAndTheMaintainerScripts() throws IOException {
        Path c = tmp.resolve("control");
        Exec.ok("dpkg-deb", "--control", deb.toString(), c.toString());

        try (Stream<Path> files = Files.list(c)) {
            assertEquals(List.of("conffiles", "control", "md5sums", "postinst", "postrm", "prerm"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("/etc/logtally/tailer.properties\n/etc/logtally/tailer.env\n", Files.readString(c.resolve("conffiles")));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertSame(PROJECT.resolve("packaging/deb/control/" + script), c.resolve(script));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(c.resolve(script))), script);
            Exec.ok("sh", "-n", c.resolve(script).toString());
        }
    }

    @Test
    void installUpgradeRemovePurgeInAThrowawayRoot() throws IOException {
        ThrowawayRoot root = ThrowawayRoot.create(tmp.resolve("root"));
        root.copyIn(deb, "v1.deb");
        root.copyIn(repackaged(version + "+test1"), "v2.deb");
        root.put("/usr/bin/systemctl", SYSTEMCTL_STAND_IN, "rwxr-xr-x");

        // Fresh install on a host running systemd: the unit is made known, nothing is enabled or started.
        assertEquals("", ok(root, "mkdir -p /run/systemd/system && dpkg -i /tmp/v1.deb >/dev/null").stderr());
        assertEquals(List.of("daemon-reload"), calls(root));
        assertEquals("""
                logtally:/var/lib/logtally:/usr/sbin/nologin
                logtally
                logtally logtally 750 /var/lib/logtally
                logtally:logtally 750 /var/lib/logtally
                root:root 755 /etc/logtally
                root:root 600 /etc/logtally/tailer.env
                root:root 644 /etc/logtally/tailer.properties
                root:root 755 /usr/bin/logtally
                root:root 644 /usr/share/logtally/logtally.jar
                root:root 644 /usr/lib/systemd/system/logtally-tailer.service
                ii %s
                 /etc/logtally/tailer.properties
                 /etc/logtally/tailer.env
                """.formatted(version), ok(root, """
                getent passwd logtally | cut -d: -f1,6,7
                getent group logtally | cut -d: -f1
                dpkg-statoverride --list /var/lib/logtally
                stat -c '%U:%G %a %n' /var/lib/logtally /etc/logtally /etc/logtally/tailer.env /etc/logtally/tailer.properties \
                    /usr/bin/logtally /usr/share/logtally/logtally.jar /usr/lib/systemd/system/logtally-tailer.service
                dpkg-query -W -f '${db:Status-Abbrev}${Version}\\n${Conffiles}\\n' logtally | cut -d' ' -f1,2
                """).stdout());

        // The installed launcher finds the installed jar; the installed unit passes systemd-analyze there too.
        assertEquals("logtally " + version + "\n", ok(root, "logtally --version").stdout());
        assertEquals("", ok(root, "systemd-analyze verify --recursive-errors=no " + UNIT + " 2>&1").stdout());
        assertTrue(ok(root, "systemd-analyze security --offline=yes --threshold=20 " + UNIT).stdout()
                .contains("Overall exposure level for " + UNIT + ": 1."));

        // The operator configures the tailer, which writes a checkpoint.
        ok(root, """
                printf 'checkpoint-v1\\n' > /var/lib/logtally/checkpoint
                chown logtally:logtally /var/lib/logtally/checkpoint
                chmod 600 /var/lib/logtally/checkpoint
                printf 'push.url = http://pushgateway.example:9091\\n' >> /etc/logtally/tailer.properties
                """);

        // Upgrade while the unit is not enabled: no restart. Configuration and checkpoint are kept as they were.
        assertEquals("", ok(root, "mkdir -p /run/systemd/system && dpkg -i /tmp/v2.deb >/dev/null").stderr());
        assertEquals(List.of("daemon-reload", "--quiet is-enabled " + UNIT), calls(root));
        assertEquals("""
                ii %s+test1
                checkpoint-v1
                logtally 600
                push.url = http://pushgateway.example:9091
                tailer.env
                tailer.properties
                """.formatted(version), ok(root, """
                dpkg-query -W -f '${db:Status-Abbrev}${Version}\\n' logtally
                cat /var/lib/logtally/checkpoint
                stat -c '%U %a' /var/lib/logtally/checkpoint
                tail -n 1 /etc/logtally/tailer.properties
                ls -A /etc/logtally
                """).stdout());

        // Upgrade while the operator has it enabled: try-restart, which starts nothing that is stopped.
        assertEquals("", ok(root, "mkdir -p /run/systemd/system && touch " + ENABLED_FLAG + " && dpkg -i /tmp/v2.deb >/dev/null").stderr());
        assertEquals(List.of("daemon-reload", "--quiet is-enabled " + UNIT, "try-restart " + UNIT), calls(root));

        // Remove: the service is stopped (final checkpoint and push); configuration and checkpoint stay.
        ok(root, "mkdir -p /run/systemd/system && dpkg -r logtally >/dev/null");
        assertEquals(List.of("stop " + UNIT, "daemon-reload"), calls(root));
        assertEquals("""
                rc %s+test1
                checkpoint-v1
                tailer.env
                tailer.properties
                no /usr/bin/logtally
                """.formatted(version), ok(root, """
                dpkg-query -W -f '${db:Status-Abbrev}${Version}\\n' logtally
                cat /var/lib/logtally/checkpoint
                ls -A /etc/logtally
                test -e /usr/bin/logtally || echo no /usr/bin/logtally
                """).stdout());

        // Purge: configuration, checkpoint, stat override and enablement go; the system user stays.
        ok(root, """
                mkdir -p /run/systemd/system /etc/systemd/system/multi-user.target.wants
                ln -s /usr/lib/systemd/system/logtally-tailer.service /etc/systemd/system/multi-user.target.wants/
                dpkg -P logtally >/dev/null
                """);
        assertEquals(List.of("daemon-reload"), calls(root));
        assertEquals("""
                gone /etc/logtally
                gone /var/lib/logtally
                gone /etc/systemd/system/multi-user.target.wants/logtally-tailer.service
                no override
                logtally:/var/lib/logtally
                not installed
                """, ok(root, """
                for f in /etc/logtally /var/lib/logtally /etc/systemd/system/multi-user.target.wants/logtally-tailer.service; do
                  if [ -e "$f" ] || [ -L "$f" ]; then echo "still $f"; else echo "gone $f"; fi
                done
                dpkg-statoverride --list /var/lib/logtally || echo no override
                getent passwd logtally | cut -d: -f1,6
                dpkg-query -W logtally >/dev/null 2>&1 || echo not installed
                """).stdout());
    }

    /** The built package with another version, as a later release would be. */
    private Path repackaged(String newVersion) throws IOException {
        Path dir = tmp.resolve("repack");
        Exec.ok("dpkg-deb", "--raw-extract", deb.toString(), dir.toString());
        Path control = dir.resolve("DEBIAN/control");
        String text = Files.readString(control);
        assertTrue(text.contains("\nVersion: " + version + "\n"), text);
        Files.writeString(control, text.replace("\nVersion: " + version + "\n", "\nVersion: " + newVersion + "\n"));
        Path out = tmp.resolve("logtally_" + newVersion + "_all.deb");
        Exec.ok("dpkg-deb", "--root-owner-group", "--build", dir.toString(), out.toString());
        return out;
    }

    private static Exec.Result ok(ThrowawayRoot root, String script) {
        Exec.Result r = root.sh("set -e\n" + script);
        assertEquals(0, r.exitCode(), r::describe);
        return r;
    }

    /** The systemctl calls since the last look, and forgets them. */
    private static List<String> calls(ThrowawayRoot root) {
        String out = ok(root, "if [ -e " + CALLS + " ]; then cat " + CALLS + "; rm " + CALLS + "; fi").stdout();
        return out.isEmpty() ? List.of() : new ArrayList<>(out.lines().toList());
    }

    private static void assertSame(Path expected, Path actual) {
        try {
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " differs from " + expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
