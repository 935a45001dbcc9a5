package dev.logtally.archive;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A shell-style glob given as a {@code PATH} argument ({@code logs/app.*.gz}, {@code /var/log/** /app.log}):
 * expanded by walking from its longest wildcard-free directory, only as deep as the pattern reaches
 * ({@code **}: unbounded). Unreadable directories are passed over. Only regular files match.
 *
 * <pre>{@code
 * if (Glob.isGlob(arg)) files.addAll(Glob.of(arg).expand());
 * }</pre>
 */
final class Glob {
    private final Path base;
    private final int depth;
    private final PathMatcher matcher;

    private Glob(Path base, int depth, PathMatcher matcher) {
        this.base = base;
        this.depth = depth;
        this.matcher = matcher;
    }

    static boolean isGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    static Glob of(String spec) {
        Path abs = Path.of(spec).toAbsolutePath().normalize();
        Path base = abs.getRoot();
        int i = 0;
        while (i < abs.getNameCount() && !isGlob(abs.getName(i).toString())) {
            base = base.resolve(abs.getName(i));
            i++;
        }
        int depth = spec.contains("**") ? Integer.MAX_VALUE : abs.getNameCount() - i;
        return new Glob(base, depth, FileSystems.getDefault().getPathMatcher("glob:" + abs));
    }

    /** The regular files matched now, sorted by path. */
    List<Path> expand() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return out;
        }
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && matcher.matches(file)) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // visitFileFailed goes on; only an unreadable base gets here, and then nothing matched.
        }
        out.sort(null);
        return out;
    }
}
