package dev.logtally.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every file that holds the content of the tailer's followed paths at this moment: the followed files and
 * their rotated copies (found by the tailer's own rule, {@link RotatedFiles}: the {@code rotated} globs, or
 * siblings starting with the file's stem), for tools that read the same history the tailer read, such as
 * the issues page's breadcrumbs. Only lists; reads nothing but directory entries.
 *
 * <pre>{@code
 * List<Path> files = FollowedFiles.now(List.of("/var/log/app/app.log"), List.of());
 * // [/var/log/app/app.log, /var/log/app/app.2026-11-24.0.log.gz, ...]
 * }</pre>
 */
public final class FollowedFiles {
    private FollowedFiles() {
    }

    /** The followed files of {@code paths} and their rotated copies ({@code rotated} as configured). */
    public static List<Path> now(List<String> paths, List<String> rotated) {
        List<PathPattern> globs = new ArrayList<>();
        for (String r : rotated) {
            globs.add(PathPattern.of(r));
        }
        Set<Path> followed = new LinkedHashSet<>();
        for (String p : paths) {
            for (Path f : PathPattern.of(p).expand()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".gz")) {
                    followed.add(f);
                }
            }
        }
        Set<Path> out = new LinkedHashSet<>(followed);
        for (Path f : followed) {
            for (RotatedFiles.Group g : new RotatedFiles(f, globs, followed::contains).scan()) {
                if (g.plain != null) {
                    out.add(g.plain.path);
                }
                if (g.gzip != null) {
                    out.add(g.gzip.path);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
