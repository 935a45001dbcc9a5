package dev.logtally.cli;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import dev.logtally.config.Options;
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

    @Option(names = "--format", paramLabel = "FORMAT", description = "prometheus (final totals, the default) or openmetrics (a backfill for promtool, "
            + "every series labelled source=\"backfill\").")
    String format;

    @Option(names = "--step", paramLabel = "DURATION", description = "With --format openmetrics: time between samples (default 1m).")
    String step;

    @Mixin
    SendOptions send;

    @Mixin
    ConfigFile configFile;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() {
        Options options = configFile.load(flags());
        ReplayTool.Format f = format(options);
        if (f == ReplayTool.Format.PUSH) {
            ReplayTool.checkJobIsNotLive(options, configFile.fileAlone());
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
        if (send.remoteWrite != null) {
            if (format != null || send.pushUrl != null) {
                throw new ConfigException("--remote-write", "writes the backfill to the store; leave out --format and --push");
            }
            return ReplayTool.Format.REMOTE_WRITE;
        }
        if (send.pushUrl != null) {
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
        send.putTargets(m);
        m.put("push.job", send.job);
        m.put("push.instance", send.instance);
        return m;
    }
}
