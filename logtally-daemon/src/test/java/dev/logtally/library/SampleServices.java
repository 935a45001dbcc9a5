package dev.logtally.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.monitoring.ProgramRun;
import dev.logtally.testing.Project;
import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample services of {@code src/it/services}, built as a user builds a service that adopts logtally:
 * each its own Maven project, built by the real {@code mvn}, getting {@code dev.logtally:logtally-logback}
 * from the repository that logtally-logback's {@code mvn package} writes ({@code target/repository}, the
 * README's way) and from nowhere else.
 *
 * <p>Their builds use a private local repository ({@code target/services-m2}) whose {@code dev/logtally} is
 * deleted before every build, so a {@code logtally-logback} that another build left in {@code ~/.m2} can
 * never stand in for this one. Not to download again what {@code ~/.m2} already holds, a generated
 * {@code settings.xml} offers them {@code ~/.m2} as a {@code file://} repository, seen through a directory
 * of symbolic links that leaves out {@code dev/logtally}. Maven Central stays reachable for the rest, unless
 * the build running the test is offline ({@code -o}): then theirs are too, reading only those directories.
 *
 * <pre>{@code
 * SampleServices services = SampleServices.prepare(tmp, readmeLogbackXml);
 * SampleServices.Build build = services.build("logback-1.6");   // mvn compile, classpath, dependency tree
 * ProgramRun.Result run = build.run(logs, "orders", 2000);        // java -Dlogtally.dir=logs ... OrdersService
 * }</pre>
 */
final class SampleServices {
    /** The services' sources in this repository. */
    static final Path SOURCES = Project.module().resolve("src/it/services");
    /** What logtally-logback's {@code mvn package} writes: the only place the services get the library from. */
    static final Path LIBRARY_REPOSITORY = Project.dir().resolve("logtally-logback/target/repository");
    /** The main class every service runs (the shared workload). */
    static final String MAIN = "com.example.orders.OrdersService";
    /** The dependency plugin run on the services, at a version the project's own build has in {@code ~/.m2}. */
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final Path copy;
    private final Path settings;
    private final Path localRepository;
    private final boolean offline;

    private SampleServices(Path copy, Path settings, Path localRepository, boolean offline) {
        this.copy = copy;
        this.settings = settings;
        this.localRepository = localRepository;
        this.offline = offline;
    }

    /**
     * Copies the services into {@code tmp} (their builds write {@code target/} there, never into the source
     * tree), gives them {@code logbackXml} as their {@code logback.xml}, and prepares their Maven settings.
     */
    static SampleServices prepare(Path tmp, String logbackXml) throws IOException {
        assertTrue(Files.isDirectory(LIBRARY_REPOSITORY.resolve("dev/logtally/logtally-logback")),
                LIBRARY_REPOSITORY + " is missing: it is written by logtally-logback's 'mvn package' (build from the repository root)");
        Path copy = tmp.resolve("services");
        copyTree(SOURCES, copy);
        Path resources = Files.createDirectories(copy.resolve("workload/src/main/resources"));
        Files.writeString(resources.resolve("logback.xml"), logbackXml);

        Path target = Project.module().resolve("target");
        Path userRepository = Path.of(System.getProperty("logtally.m2.repository",
                System.getProperty("user.home") + "/.m2/repository"));
        Path view = viewWithoutLogtally(userRepository, target.resolve("services-m2-view"));
        Path local = Files.createDirectories(target.resolve("services-m2"));
        deleteTree(local.resolve("dev/logtally"));
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-m2</id>
                      <repositories><repository><id>user-m2</id><url>%1$s</url></repository></repositories>
                      <pluginRepositories><pluginRepository><id>user-m2</id><url>%1$s</url></pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>user-m2</activeProfile></activeProfiles>
                </settings>
                """.formatted(view.toUri()));
        return new SampleServices(copy, settings, local, "[true]".equals(System.getProperty("logtally.maven.offline")));
    }

    /** A built service: its project directory, its runtime classpath and its dependency tree. */
    record Build(Path project, String classpath, String tree) {
        /**
         * Runs the service ({@code java ... OrdersService requests}) with its logs in {@code logs}, the
         * {@code service} field {@code service} and a small {@code logtally.maxFileSize}, so it rolls over often;
         * maxHistory and totalSizeCap keep their defaults (30 days, 10GB), so the many quick rollovers right after
         * the start also prove that the drop-in's archive clean-up deletes none of today's archives.
         */
        ProgramRun.Result run(Path logs, String service, int requests) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return ProgramRun.run(RUN_TIMEOUT, project, Map.of(), java,
                    "-Dlogtally.dir=" + logs, "-Dlogtally.service=" + service, "-Dlogtally.maxFileSize=16KB",
                    "-cp", project.resolve("target/classes") + ":" + classpath, MAIN, Integer.toString(requests))
                    .assertSuccess("the service " + project.getFileName());
        }
    }

    /**
     * {@code mvn compile}, then the dependency plugin's {@code build-classpath} and {@code tree}, of the
     * service {@code name} (a directory of {@code src/it/services}), in one Maven run.
     */
    Build build(String name) throws IOException {
        Path project = copy.resolve(name);
        Path classpath = project.resolve("classpath.txt");
        Path tree = project.resolve("tree.txt");
        List<String> mvn = new ArrayList<>(List.of(RealProgram.requireProgram("mvn", "maven").toString(),
                "-B", "-q", "-U", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository,
                "-Dlogtally.repository=" + LIBRARY_REPOSITORY.toUri(), "-f", project.resolve("pom.xml").toString()));
        if (offline) {
            // -o also shuts out file:// repositories unless their protocol is named.
            mvn.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        mvn.addAll(List.of("compile",
                DEPENDENCY_PLUGIN + "build-classpath", "-Dmdep.outputFile=" + classpath,
                DEPENDENCY_PLUGIN + "tree", "-DoutputFile=" + tree));
        ProgramRun.run(BUILD_TIMEOUT, project, Map.of(), mvn.toArray(String[]::new)).assertSuccess(String.join(" ", mvn));
        return new Build(project, Files.readString(classpath).strip(), Files.readString(tree));
    }

    /** The {@code logtally-logback} jar the last build resolved, in the private local repository. */
    Path resolvedLibrary(String version) {
        return localRepository.resolve("dev/logtally/logtally-logback/" + version + "/logtally-logback-" + version + ".jar");
    }

    /** Where the last build says it took that jar from (Maven's {@code _remote.repositories} record). */
    String resolvedFrom(String version) throws IOException {
        Path record = resolvedLibrary(version).resolveSibling("_remote.repositories");
        return Files.readAllLines(record).stream()
                .filter(l -> l.startsWith("logtally-logback-" + version + ".jar>"))
                .map(l -> l.substring(l.indexOf('>') + 1, l.length() - 1))
                .findFirst().orElse("(no record in " + record + ")");
    }

    /**
     * A directory of symbolic links to every entry of {@code repository} but {@code dev/logtally}: the user's
     * Maven cache without any logtally artifact. Made again at every call (links only: nothing is copied).
     */
    private static Path viewWithoutLogtally(Path repository, Path view) throws IOException {
        deleteTree(view);
        Files.createDirectories(view);
        if (!Files.isDirectory(repository)) {
            return view;
        }
        try (Stream<Path> top = Files.list(repository)) {
            for (Path entry : top.toList()) {
                if (entry.getFileName().toString().equals("dev")) {
                    Path dev = Files.createDirectories(view.resolve("dev"));
                    try (Stream<Path> inDev = Files.list(entry)) {
                        for (Path group : inDev.filter(p -> !p.getFileName().toString().equals("logtally")).toList()) {
                            Files.createSymbolicLink(dev.resolve(group.getFileName().toString()), group);
                        }
                    }
                } else {
                    Files.createSymbolicLink(view.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        assertEquals(false, Files.exists(view.resolve("dev/logtally")));
        return view;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes {@code dir} and what is below it; symbolic links are deleted, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
