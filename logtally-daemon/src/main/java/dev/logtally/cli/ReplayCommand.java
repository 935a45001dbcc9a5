package dev.logtally.cli;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logtally replay}: {@code tail}'s parse and aggregate stages in one-shot mode over logs and their
 * archives, read in parallel; see {@link ReplayTool} for the three outputs.
 *
 * <pre>{@code
 * logtally replay samples/logs --config samples/logtally.properties
 * logtally replay 'logs/app.2026-11-2*.gz' --format openmetrics --step 1m > backfill.om
 * logtally replay logs --push http://127.0.0.1:9091 --job app-replay
 * logtally replay 'logs/app.2026-11-*.gz' --remote-write http://127.0.0.1:8428/api/v1/write --step 1m
 * }</pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay logs, archives included, into totals, a backfill or a push.",
            "A push sends the totals as of now (the Pushgateway stamps them at each scrape), never the history: "
                + "use --format openmetrics and promtool for that. Push to a job of its own, never the live tailer's."})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log file, directory or glob (.gz and .tmp read as archives).")
    List<String> paths;

    @Option(names = "--namespace", paramLabel = "NS", description = "Metric name prefix (default app).")
    String namespace;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file; flags override it.")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", description = "prometheus (final totals, the default) or openmetrics (a backfill for promtool, "
            + "every series labelled source=\"backfill\").")
    String format;

    @Option(names = "--step", paramLabel = "DURATION", description = "With --format openmetrics: time between samples (default 1m).")
    String step;

    @Option(names = "--push", paramLabel = "URL", description = "Push the totals to this Pushgateway instead of printing them.")
    String pushUrl;

    @Option(names = "--remote-write", paramLabel = "URL",
            description = "Write the backfill (every --step of event time, source=\"backfill\") to this Prometheus remote write endpoint (repeatable).")
    List<String> remoteWrite;

    @Option(names = "--job", paramLabel = "NAME", description = "Grouping key job of the push: not the live tailer's.")
    String job;

    @Option(names = "--instance", paramLabel = "NAME", description = "Grouping key instance of the push (default: host name).")
    String instance;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        Options options = OptionsLoader.load(config, flags(), System.getenv());
        ReplayTool.Format f = format(options);
        if (f == ReplayTool.Format.PUSH) {
            ReplayTool.checkJobIsNotLive(options, config == null ? null : OptionsLoader.load(config, Map.of(), System.getenv()));
        }
        Duration stepDuration = null;
        if (step != null) {
            if (f != ReplayTool.Format.OPENMETRICS && f != ReplayTool.Format.REMOTE_WRITE) {
                throw new ConfigException("--step", "goes only with --format openmetrics or --remote-write");
            }
            stepDuration = Durations.parsePositive("--step", step);
        }
        return ReplayTool.run(new ReplayTool.Request(paths, options, f, stepDuration,
                scan.threads(), scan.progress), Terminal.stdout(), System.err, Clock.systemUTC());
    }

    private ReplayTool.Format format(Options options) {
        if (remoteWrite != null) {
            if (format != null || pushUrl != null) {
                throw new ConfigException("--remote-write", "writes the backfill to the store; leave out --format and --push");
            }
            return ReplayTool.Format.REMOTE_WRITE;
        }
        if (pushUrl != null) {
            if (format != null) {
                throw new ConfigException("--format", "--push sends the totals to the Pushgateway; leave out --format");
            }
            return ReplayTool.Format.PUSH;
        }
        if (format == null) {
            return ReplayTool.Format.PROMETHEUS;
        }
        return switch (format) {
            case "prometheus" -> ReplayTool.Format.PROMETHEUS;
            case "openmetrics" -> ReplayTool.Format.OPENMETRICS;
            default -> throw new ConfigException("--format", "'" + format + "' must be prometheus or openmetrics");
        };
    }

    private Map<String, String> flags() {
        Map<String, String> m = new HashMap<>();
        m.put("namespace", namespace);
        m.put("push.url", pushUrl);
        m.put("push.job", job);
        m.put("push.instance", instance);
        if (remoteWrite != null) {
            m.put("remote_write.url", String.join(",", remoteWrite));
        }
        return m;
    }
}
