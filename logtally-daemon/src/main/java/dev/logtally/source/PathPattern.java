package dev.logtally.source;

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
 * One configured path: a plain file name, or a glob whose wildcards may sit in any component. A glob is
 * expanded by walking from its longest wildcard-free directory, only as deep as the pattern reaches
 * (unbounded with {@code **}); unreadable directories are passed over.
 *
 * <pre>{@code
 * PathPattern p = PathPattern.of("/var/log/app/*.log");
 * for (Path file : p.expand()) { ... }
 * }</pre>
 */
public final class PathPattern {
    private final String spec;
    private final Path literal;
    private final Path base;
    private final int depth;
    private final PathMatcher matcher;

    private PathPattern(String spec, Path literal, Path base, int depth, PathMatcher matcher) {
        this.spec = spec;
        this.literal = literal;
        this.base = base;
        this.depth = depth;
        this.matcher = matcher;
    }

    /** True when {@code s} holds a glob character ({@code * ? [ {}). */
    public static boolean isGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** A plain path or a glob (absolute or relative to the working directory). */
    public static PathPattern of(String spec) {
        if (!isGlob(spec)) {
            Path literal = Path.of(spec).toAbsolutePath().normalize();
            return new PathPattern(literal.toString(), literal, null, 0, null);
        }
        Path abs = Path.of(spec).toAbsolutePath().normalize();
        Path base = abs.getRoot();
        int i = 0;
        while (i < abs.getNameCount() && !isGlob(abs.getName(i).toString())) {
            base = base.resolve(abs.getName(i));
            i++;
        }
        int depth = spec.contains("**") ? Integer.MAX_VALUE : abs.getNameCount() - i;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + abs);
        return new PathPattern(abs.toString(), null, base, depth, m);
    }

    /** The absolute form of the configured path or glob: how checkpoints name it. */
    String spec() {
        return spec;
    }

    boolean glob() {
        return literal == null;
    }

    /** The file, for a plain name. */
    Path literal() {
        return literal;
    }

    /** True when {@code p} (absolute) is named by this pattern. */
    boolean matches(Path p) {
        return literal != null ? literal.equals(p) : matcher.matches(p);
    }

    /** Regular files matched now, in name order (for a plain name: the file, whether or not it exists). */
    public List<Path> expand() {
        if (literal != null) {
            return List.of(literal);
        }
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
            // visitFileFailed continues; only an unreadable base could get here: nothing matched.
        }
        out.sort(null);
        return out;
    }
}
