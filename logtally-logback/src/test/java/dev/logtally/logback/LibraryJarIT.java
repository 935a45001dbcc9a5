package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged library jar (what a service downloads): the drop-in XML at its root, both flavours of the
 * drop-in's writers, and nothing but {@code dev.logtally.logback} classes — nothing of the daemon.
 */
class LibraryJarIT {
    @Test
    void theJarHoldsTheDropInBothFlavoursAndNothingOfTheDaemon() throws IOException {
        Path jar;
        try (Stream<Path> s = Files.list(Project.module().resolve("target"))) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().matches("logtally-logback-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .collect(Collectors.toList());
            assertEquals(1, jars.size(), "one library jar in target/: " + jars);
            jar = jars.get(0);
        }
        TreeSet<String> packages = new TreeSet<>();
        TreeSet<String> entries = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/") && !n.startsWith("META-INF/")).forEach(n -> {
                entries.add(n);
                if (n.endsWith(".class")) {
                    packages.add(n.substring(0, n.lastIndexOf('/')));
                }
            });
        }
        assertEquals(List.of("dev/logtally/logback"), List.copyOf(packages), "packages in " + jar);
        assertTrue(entries.contains("logtally-appender.xml"), "logtally-appender.xml at the root of " + jar);
        for (String c : List.of("Jackson2Flavour", "Jackson2JsonField", "Jackson2ServiceJsonProvider", "Jackson2StringMdcEntryWriter",
                "Jackson3Flavour", "JsonField", "ServiceJsonProvider", "StringMdcEntryWriter", "LogtallyEncoder", "MinimalJsonEncoder")) {
            assertTrue(entries.contains("dev/logtally/logback/" + c + ".class"), c + " in " + jar);
        }
        assertEquals(List.of("logtally-appender.xml"), entries.stream().filter(n -> !n.endsWith(".class")).collect(Collectors.toList()),
                "resources in " + jar);
    }
}
