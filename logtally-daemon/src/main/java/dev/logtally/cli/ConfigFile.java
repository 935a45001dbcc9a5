package dev.logtally.cli;

import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} as a picocli mixin, for {@code tail}, {@code replay}, {@code trace} and
 * {@code errors}: one declaration and one way to load it (the file, then the command's flags, then
 * validated once by {@link OptionsLoader}), so the commands cannot drift apart in name, help or loading.
 *
 * <pre>{@code
 * @Mixin ConfigFile configFile;
 * ... Options options = configFile.load(Map.of("namespace", namespace));
 * }</pre>
 */
final class ConfigFile {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (keys of the README's configuration table); flags override it.")
    Path config;

    /** The file's settings overridden by {@code flags} (null values are not given). */
    Options load(Map<String, String> flags) {
        return OptionsLoader.load(config, flags, System.getenv());
    }

    /** The file's settings alone, or null without {@code --config}. */
    Options fileAlone() {
        return config == null ? null : load(Map.of());
    }
}
