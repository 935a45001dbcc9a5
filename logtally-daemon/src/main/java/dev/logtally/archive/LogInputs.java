package dev.logtally.archive;

import dev.logtally.source.Rotations;
import dev.logtally.source.PathPattern;
import dev.logtally.base.ConfigException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code PATH} arguments of {@code replay}, {@code trace} and {@code errors} into the log files to
 * read (CONTRACT §5): a file is read whatever its name; a directory gives the log files directly in it;
 * a glob gives every regular file it matches. In a directory, a log file is one whose name (not hidden)
 * contains {@code .log} or {@code .json}, or ends in {@code .gz} or {@code .tmp}: Logback's active file,
 * its archives and transient files, logrotate's {@code app.log.1}.
 *
 * <p>A {@code .gz} with an uncompressed sibling of the same rotation is skipped, with a note: Logback is
 * still compressing it (1.5 renames the active file to {@code <archive minus .gz><nanoTime>.tmp}, 1.6 to
 * {@code <archive minus .gz>}, and both write the {@code .gz} while the uncompressed copy is there), so the
 * sibling holds the whole content and the {@code .gz} at most part of it.
 *
 * <p>Arguments that name nothing are the user's mistake, a {@link ConfigException} (exit 2) naming the
 * argument: a missing path, a glob that matches nothing, a directory without log files.
 *
 * <pre>{@code
 * LogInputs.Expanded in = LogInputs.expand(List.of("samples/logs"));
 * in.notes().forEach(n -> err.println("logtally: " + n));
 * }</pre>
 */
public final class LogInputs {
    private LogInputs() {
    }

    /**
     * The files named, each once, and notes on files left out.
     *
     * @param files paths as the arguments name them (a directory's files under the directory as given, a
     *              relative glob's matches relative to the working directory), in argument order, a
     *              directory's or glob's files sorted by name
     * @param notes one line per file skipped, and why
     */
    public record Expanded(List<Path> files, List<String> notes) {
        public Expanded {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /** Expands {@code args}; throws {@link ConfigException} for an argument that names no log file. */
    public static Expanded expand(List<String> args) {
        if (args == null || args.isEmpty()) {
            throw new ConfigException("PATH", "name at least one log file, directory or glob");
        }
        Set<Path> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            for (Path f : filesOf(arg)) {
                if (seen.add(f.toAbsolutePath().normalize())) {
                    files.add(f);
                }
            }
        }
        return withoutPartialArchives(files);
    }

    private static List<Path> filesOf(String arg) {
        if (PathPattern.isGlob(arg)) {
            List<Path> matched = PathPattern.of(arg).expand();
            if (matched.isEmpty()) {
                throw new ConfigException(arg, "matches no file");
            }
            if (Path.of(arg).isAbsolute()) {
                return matched;
            }
            Path cwd = Path.of("").toAbsolutePath();
            List<Path> relative = new ArrayList<>(matched.size());
            matched.forEach(m -> relative.add(m.startsWith(cwd) ? cwd.relativize(m) : m));
            return relative;
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            List<Path> logs = logsIn(p, arg);
            if (logs.isEmpty()) {
                throw new ConfigException(arg, "no log files in this directory (looked for names with .log or .json, "
                        + "and .gz or .tmp archives)");
            }
            return logs;
        }
        if (!Files.exists(p)) {
            throw new ConfigException(arg, "no such file or directory");
        }
        return List.of(p);
    }

    private static List<Path> logsIn(Path dir, String arg) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (isLogName(p.getFileName().toString()) && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new ConfigException(arg, "cannot list the directory: " + ConfigException.reason(e));
        }
        out.sort(null);
        return out;
    }

    /** True for the names a directory's log files have (see the class comment). */
    static boolean isLogName(String name) {
        if (name.startsWith(".")) {
            return false;
        }
        return name.contains(".log") || name.contains(".json") || name.endsWith(".gz") || name.endsWith(".tmp");
    }

    private static Expanded withoutPartialArchives(List<Path> files) {
        Map<Path, Path> partial = Rotations.partialArchives(files);
        List<Path> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            Path plain = partial.get(f);
            if (plain == null) {
                kept.add(f);
            } else {
                notes.add("skipping " + f + ": still being compressed from " + plain.getFileName()
                        + ", which is read instead");
            }
        }
        return new Expanded(kept, notes);
    }
}
