package dev.logtally.cli;

import dev.logtally.archive.ArchiveRun;
import dev.logtally.archive.ErrorsTool;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logtally errors PATH...}: Sentry-style error groups (error type and stack hash) with counts,
 * first and last seen, releases, services, methods and a sample to trace; see {@link ErrorsTool}.
 *
 * <pre>{@code
 * logtally errors samples/logs --top 5
 * logtally errors /var/log/app --since 2h --json
 * }</pre>
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "Sentry-style error groups from logs and archives.",
        subcommands = {ErrorStatusCommand.Resolve.class, ErrorStatusCommand.Ignore.class, ErrorStatusCommand.Reopen.class})
final class ErrorsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Log file, directory or glob.")
    List<String> paths;

    @Option(names = "--since", paramLabel = "TIME", description = "Only events at or after TIME: ISO-8601 (2026-11-24T13:00:00Z) or a duration back from now (2h).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only events before TIME (same forms).")
    String until;

    @Option(names = "--top", paramLabel = "N", description = "Show the N groups with the most events (default: all).")
    int top;

    @Option(names = "--json", description = "One JSON object per group and line.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (field names, error.levels).")
    Path config;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        if (paths == null || paths.isEmpty()) {
            throw new dev.logtally.config.ConfigException("PATH", "at least one log file, directory or glob is required"
                    + " (or: errors resolve|ignore|reopen FINGERPRINT --state-dir DIR)");
        }
        Options options = OptionsLoader.load(config, Map.of(), System.getenv());
        return ErrorsTool.run(new ErrorsTool.Request(paths, options, since, until, top, json,
                scan.threads(), scan.progress), ArchiveRun.stdout(), System.err,
                Clock.systemUTC());
    }
}
