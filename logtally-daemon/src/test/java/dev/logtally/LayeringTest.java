package dev.logtally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The daemon's packages form layers (docs/DESIGN.md, "Layering"): a package may use its own layer and the
 * layers below it, never one above. Read from the sources, so that a new upward reference fails here with
 * the file and the line, not months later as a cycle nobody can untangle. Every reference counts: imports,
 * static imports and fully qualified names in code (comments are not code).
 */
class LayeringTest {
    /** Bottom first. A package not listed fails the test: place it in DESIGN.md and here. */
    static final List<String> LAYERS = List.of(
            "base", "source", "parse", "aggregate", "state", "export", "config", "pipeline", "archive", "issues", "run",
            "monitoring", "cli");

    /** Packages of other modules, and the lowest layer that may use them: the demo service only from the CLI. */
    static final Map<String, String> OTHER_MODULES = Map.of("samples", "cli");

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.logtally\\.([a-z]+)\\.[A-Za-z]");
    private static final Pattern PACKAGE = Pattern.compile("^package dev\\.logtally\\.([a-z]+)(\\.[a-z.]+)?;", Pattern.MULTILINE);

    @Test
    void noPackageReferencesALayerAboveIt() throws IOException {
        Path main = Project.module().resolve("src/main/java/dev/logtally");
        List<String> violations = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    violations.add(main.relativize(file) + ": not in a layer's package (dev.logtally.<layer>)");
                    continue;
                }
                String own = p.group(1);
                if (!LAYERS.contains(own)) {
                    unknown.add(own);
                    continue;
                }
                List<String> lines = text.lines().toList();
                for (int n = 0; n < lines.size(); n++) {
                    String line = lines.get(n).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*") || line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        String used = m.group(1);
                        String lowest = OTHER_MODULES.get(used);
                        if (lowest != null) {
                            if (LAYERS.indexOf(own) < LAYERS.indexOf(lowest)) {
                                violations.add(main.relativize(file) + ":" + (n + 1) + ": " + own + " uses " + used
                                        + " (another module, for " + lowest + " only)");
                            }
                        } else if (!LAYERS.contains(used)) {
                            unknown.add(used);
                        } else if (LAYERS.indexOf(used) > LAYERS.indexOf(own)) {
                            violations.add(main.relativize(file) + ":" + (n + 1) + ": " + own + " uses " + used + " (a layer above)");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), new ArrayList<>(unknown), "packages in no layer: add them to LAYERS and to docs/DESIGN.md");
        assertEquals(List.of(), violations);
    }
}
