package dev.logtally.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of a docker-compose file: each one's image and volumes. Two readers: PyYAML (a full YAML
 * parser, through {@code python3}, when installed) and a structural line reader for the layout the shipped
 * file uses (the JDK has no YAML parser, and Jackson YAML is not a dependency). Tests compare the two.
 *
 * <pre>{@code
 * Map<String, ComposeFile.Service> services = ComposeFile.byLines(Assets.file("docker-compose.yml"));
 * }</pre>
 */
final class ComposeFile {
    private static final Pattern SERVICE = Pattern.compile("^  ([\\w-]+):\\s*$");
    private static final Pattern IMAGE = Pattern.compile("^    image: *(\\S+)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^    ([\\w-]+):.*$");
    private static final Pattern ITEM = Pattern.compile("^      - *(\\S+)\\s*$");

    private ComposeFile() {
    }

    /** One service: its image and its volume entries ({@code source:target[:mode]}). */
    record Service(String image, List<String> volumes) {
    }

    /** The structural reader: two-space indentation, {@code services:} at the top level. */
    static Map<String, Service> byLines(Path file) {
        Map<String, Service> out = new LinkedHashMap<>();
        boolean inServices = false;
        String name = null;
        String image = null;
        String section = null;
        List<String> volumes = new ArrayList<>();
        for (String line : read(file).lines().toList()) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ")) {
                if (name != null) {
                    out.put(name, new Service(image, List.copyOf(volumes)));
                    name = null;
                }
                inServices = line.startsWith("services:");
                continue;
            }
            if (!inServices) {
                continue;
            }
            Matcher m;
            if ((m = SERVICE.matcher(line)).matches()) {
                if (name != null) {
                    out.put(name, new Service(image, List.copyOf(volumes)));
                }
                name = m.group(1);
                image = null;
                section = null;
                volumes.clear();
            } else if ((m = IMAGE.matcher(line)).matches()) {
                image = m.group(1);
            } else if ((m = SECTION.matcher(line)).matches()) {
                section = m.group(1);
            } else if ((m = ITEM.matcher(line)).matches() && "volumes".equals(section)) {
                volumes.add(m.group(1));
            }
        }
        if (name != null) {
            out.put(name, new Service(image, List.copyOf(volumes)));
        }
        return out;
    }

    /** The file as JSON, parsed by PyYAML; null when python3 or PyYAML is not installed. */
    static JsonNode byPyYaml(Path file) {
        ProgramRun.Result r;
        try {
            r = ProgramRun.run(Duration.ofSeconds(60), file.getParent(), Map.of(), "python3", "-c",
                    "import json, sys\ntry:\n    import yaml\nexcept ImportError:\n    sys.exit(3)\n"
                            + "json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", file.toString());
        } catch (UncheckedIOException e) {
            return null;
        }
        if (r.exitCode() == 3) {
            return null;
        }
        r.assertSuccess("PyYAML on " + file);
        return JsonMapper.builder().build().readTree(r.output());
    }

    /** The services of PyYAML's reading, in the shape of {@link #byLines}. */
    static Map<String, Service> services(JsonNode compose) {
        Map<String, Service> out = new LinkedHashMap<>();
        compose.path("services").forEachEntry((name, s) -> {
            List<String> volumes = new ArrayList<>();
            s.path("volumes").forEach(v -> volumes.add(v.asString()));
            out.put(name, new Service(s.path("image").isMissingNode() ? null : s.path("image").asString(), volumes));
        });
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
