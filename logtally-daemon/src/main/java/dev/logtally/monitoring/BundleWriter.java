package dev.logtally.monitoring;

import dev.logtally.base.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a rendered bundle into a directory all at once: the files go to a temporary directory beside it,
 * which then takes the target's place with one rename. The target must be absent or empty, so nothing an
 * operator wrote is overwritten, and a failure leaves nothing half-written.
 *
 * <pre>{@code
 * BundleWriter.write(Path.of("monitoring-shop"), MonitoringBundle.render(settings));
 * }</pre>
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /**
     * @throws ConfigException (key {@code --out}) when {@code out} holds files or is not a directory
     * @throws IOException     when writing fails; the temporary directory is removed
     */
    public static void write(Path out, Map<String, String> files) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new ConfigException("--out", target + " exists and is not a directory");
            }
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new ConfigException("--out", target + " holds other files; give an empty or new directory");
                }
            }
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(target); // empty, checked above
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (DirectoryNotEmptyException e) {
            delete(tmp);
            throw new ConfigException("--out", target + " received files while rendering; nothing written");
        } catch (IOException | RuntimeException e) {
            delete(tmp);
            throw e;
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
