package dev.logtally.source;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files are one rotation's: the renamed file (Logback 1.6: the archive's name without {@code .gz};
 * 1.5: that name plus {@code <nanoTime>.tmp}; logrotate's {@code app.log.1}) and the {@code .gz} compressed
 * from it share one {@linkplain #key key}. While both exist the compression is under way: the plain file
 * holds the whole content and the {@code .gz} at most part of it. The one rule, for the follower
 * ({@code RotatedFiles}) and for the archive tools (which {@code .gz} to leave for its plain copy).
 *
 * <pre>{@code
 * Map<Path, Path> partial = Rotations.partialArchives(files);   // .gz -> the plain copy to read instead
 * }</pre>
 */
public final class Rotations {
    private Rotations() {
    }

    /** The key one rotation's files share: their directory and {@link NameOrder#normalize normalized} name. */
    public static String key(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return p.getParent() + "/" + NameOrder.normalize(p.getFileName().toString());
    }

    /** Whether {@code file} is a rotation's gzip (by name, as Logback and logrotate name them). */
    public static boolean compressed(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /**
     * The {@code .gz} files among {@code files} whose plain copy is among them too (still being compressed),
     * each with that copy, in the order of {@code files}.
     */
    public static Map<Path, Path> partialArchives(List<Path> files) {
        Map<String, Path> plainByKey = new HashMap<>();
        for (Path f : files) {
            if (!compressed(f)) {
                plainByKey.putIfAbsent(key(f), f);
            }
        }
        Map<Path, Path> partial = new LinkedHashMap<>();
        for (Path f : files) {
            Path plain = compressed(f) ? plainByKey.get(key(f)) : null;
            if (plain != null) {
                partial.put(f, plain);
            }
        }
        return partial;
    }
}
