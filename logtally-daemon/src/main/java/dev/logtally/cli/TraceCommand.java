package dev.logtally.cli;

import dev.logtally.config.Options;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logtally trace ID PATH...}: every event of one correlation ID across rotated and {@code .gz}
 * logs, in time order; see {@link TraceTool}.
 *
 * <pre>{@code
 * logtally trace a56f7570fa42cebec53d3c4bb3b93303 samples/logs
 * logtally trace a56f7570fa42cebec53d3c4bb3b93303 samples/logs --json | jq .message
 * }</pre>
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Every event of one correlation ID across rotated and .gz logs, in time order.")
final class TraceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CORRELATION_ID", description = "The correlation_id to follow.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Log file, directory or glob.")
    List<String> paths;

    @Mixin
    ConfigFile configFile;

    @Option(names = "--json", description = "One JSON object per event and line.")
    boolean json;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        Options options = configFile.load(Map.of());
        return TraceTool.run(new TraceTool.Request(id, paths, options, json,
                scan.threads(), scan.progress), Terminal.stdout(), System.err);
    }
}
