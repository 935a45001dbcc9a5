package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build stage of {@code monitoring/tailer/Dockerfile}, run without Docker (none here) the way Docker
 * runs it: its {@code COPY} lines copy from the build context (the repository root, minus what
 * {@code .dockerignore} leaves out) into a directory standing for its {@code WORKDIR}, its {@code RUN mvn}
 * command runs there (offline: this build has already fetched everything it needs), and the file the
 * runtime stage copies out of the build stage must be there. Catches a Dockerfile that forgets a directory
 * the build reads (as it once forgot {@code packaging/}).
 */
class TailerImageBuildIT {
    @TempDir
    Path tmp;

    @Test
    void theBuildStageBuildsTheJarTheImageCopies() throws IOException {
        Path context = Project.dir();
        List<String> lines = Files.readAllLines(Assets.file("tailer/Dockerfile"));
        List<PathMatcher> ignored = new ArrayList<>();
        for (String pattern : Files.readAllLines(context.resolve(".dockerignore"))) {
            if (!pattern.isBlank() && !pattern.startsWith("#")) {
                ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip()));
            }
        }
        String workdir = null;
        Path work = null;
        List<String> run = null;
        String copiedOut = null;
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (line.startsWith("WORKDIR ") && workdir == null) {
                workdir = words[1];
                work = Files.createDirectories(tmp.resolve("build"));
            } else if (line.startsWith("COPY --from=build ")) {
                copiedOut = words[2];
            } else if (line.startsWith("COPY ") && run == null) {
                // COPY SRC... DEST: DEST relative to WORKDIR; a directory source copies its contents into DEST.
                String dest = words[words.length - 1];
                for (String src : Arrays.asList(words).subList(1, words.length - 1)) {
                    Path from = context.resolve(src);
                    Path to = dest.endsWith("/") && !Files.isDirectory(from)
                            ? work.resolve(dest).resolve(from.getFileName().toString()) : work.resolve(dest);
                    copy(context, from, to, ignored);
                }
            } else if (line.startsWith("RUN mvn ")) {
                run = new ArrayList<>(Arrays.asList(words).subList(1, words.length));
            }
        }
        assertEquals("/src", workdir, "the build stage's WORKDIR");
        assertEquals(List.of("mvn", "-B", "-q", "-ntp", "package", "-DskipTests"), run, "the build stage's RUN");
        assertEquals("/src/logtally-daemon/target/logtally.jar", copiedOut, "what the runtime stage copies from the build stage");

        run.set(0, RealProgram.requireProgram("mvn", "maven").toString());
        run.add(1, "-o");
        ProgramRun.run(Duration.ofMinutes(10), work, Map.of(), run.toArray(String[]::new)).assertSuccess(String.join(" ", run));
        Path jar = work.resolve(copiedOut.substring(workdir.length() + 1));
        assertTrue(Files.isRegularFile(jar) && Files.size(jar) > 1_000_000, "the image's jar " + jar);
        assertTrue(Files.isRegularFile(context.resolve("monitoring/tailer/tailer.properties")), "the runtime stage copies it");
    }

    /** Copies {@code from} (a file or a tree) to {@code to}, leaving out what a .dockerignore pattern matches. */
    private static void copy(Path context, Path from, Path to, List<PathMatcher> ignored) throws IOException {
        assertTrue(Files.exists(from), "the Dockerfile copies " + context.relativize(from) + ", which is missing");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (isIgnored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!isIgnored(file)) {
                    Path dest = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(dest.getParent());
                    Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean isIgnored(Path p) {
                Path relative = context.relativize(p);
                return ignored.stream().anyMatch(m -> m.matches(relative));
            }
        });
    }
}
