package dev.logtally.config;

import dev.logtally.base.HostPort;

import dev.logtally.base.Durations;

import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.aggregate.ErrorGroupOptions;
import dev.logtally.export.AlertOptions;
import dev.logtally.export.PushOptions;
import dev.logtally.export.RemoteWriteOptions;
import dev.logtally.parse.LogField;
import dev.logtally.parse.ParserOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole effective configuration of one logtally run: immutable, built once by {@link OptionsLoader}
 * (file, then flags), validated once. Every stage takes what it needs from here at start-up; nothing is
 * looked up again per line. Keys and defaults are listed in the README's configuration table.
 *
 * <pre>{@code
 * Options o = OptionsLoader.load(configFile, Map.of("paths", "/var/log/app/*.log"), System.getenv());
 * log.info("configuration:\n{}", o.describe());   // secrets masked
 * }</pre>
 *
 * @param paths              files or globs to follow ({@code paths})
 * @param rotated            where rotated copies may sit ({@code rotated}); empty = the default siblings
 * @param stateDir           checkpoint directory ({@code state.dir}), or null
 * @param push               where and how to push, or null when not pushing
 * @param pushInterval       time between pushes
 * @param listen             where to serve {@code /metrics}, or null
 * @param pollInterval       how often idle files are checked
 * @param checkpointInterval how often a checkpoint is written
 * @param rotateWait         how long a rotated file is still read for late writes
 * @param startAtEnd         true when files found at the very first start are read from their end
 * @param lineMaxBytes       longer lines are skipped unbuffered
 * @param metrics            what the aggregator counts ({@code namespace}, {@code buckets},
 *                           {@code labels.max.values}, {@code error.levels}, {@code gauges}), checked by it
 * @param fields             what the parser reads ({@code fields.*}, {@code gauges}), checked by it; the
 *                           tailer's set: no optional field captured
 * @param remoteWrite        where and how to remote-write ({@code remote_write.*}), or null when not
 * @param errorGroups        how the tailer keeps error groups ({@code errors.max.groups}, {@code alertmanager.quiet})
 * @param alerts             where the error-group alerts go ({@code alertmanager.*}), or null when not alerting
 * @param issues             the issues page ({@code issues.token.file}, {@code issues.remote})
 */
public record Options(
        List<String> paths,
        List<String> rotated,
        Path stateDir,
        PushOptions push,
        Duration pushInterval,
        HostPort listen,
        Duration pollInterval,
        Duration checkpointInterval,
        Duration rotateWait,
        boolean startAtEnd,
        int lineMaxBytes,
        AggregatorOptions metrics,
        ParserOptions fields,
        RemoteWriteOptions remoteWrite,
        ErrorGroupOptions errorGroups,
        AlertOptions alerts,
        IssuesOptions issues) {

    public Options {
        paths = List.copyOf(paths);
        rotated = List.copyOf(rotated);
    }

    /** The metric name prefix ({@code namespace}). */
    public String namespace() {
        return metrics.namespace();
    }

    /** Distinct values per label before {@code other} ({@code labels.max.values}). */
    public int labelsMaxValues() {
        return metrics.labelsMaxValues();
    }

    /** The levels counted as errors ({@code error.levels}), upper case. */
    public Set<String> errorLevels() {
        return Set.copyOf(metrics.errorLevels());
    }

    /** The numeric fields exported as gauges ({@code gauges}), in configuration order. */
    public List<String> gauges() {
        return metrics.gauges();
    }

    /** The histogram bounds in seconds ({@code buckets}), ascending; a copy. */
    public double[] buckets() {
        return metrics.buckets();
    }

    /** The effective configuration, one {@code key = value} per line, sorted, secrets masked. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("paths = " + String.join(", ", paths));
        lines.add("rotated = " + (rotated.isEmpty() ? "(siblings starting with each file's stem)" : String.join(", ", rotated)));
        lines.add("state.dir = " + (stateDir == null ? "(none)" : stateDir));
        lines.add("namespace = " + namespace());
        if (push == null) {
            lines.add("push.url = (none)");
        } else {
            push.describe().forEach((k, v) -> lines.add(k + " = " + v));
            lines.add("push.interval = " + Durations.format(pushInterval));
        }
        lines.add("listen = " + (listen == null ? "(none)" : listen));
        if (remoteWrite == null) {
            lines.add("remote_write.url = (none)");
        } else {
            remoteWrite.describe().forEach((k, v) -> lines.add(k + " = " + v));
        }
        lines.add("poll.interval = " + Durations.format(pollInterval));
        lines.add("checkpoint.interval = " + Durations.format(checkpointInterval));
        lines.add("rotate.wait = " + Durations.format(rotateWait));
        lines.add("start.position = " + (startAtEnd ? "end" : "beginning"));
        lines.add("line.max.bytes = " + Sizes.format(lineMaxBytes));
        lines.add("labels.max.values = " + labelsMaxValues());
        lines.add("error.levels = " + metrics.errorLevels().stream().sorted().collect(Collectors.joining(",")));
        lines.add("gauges = " + String.join(",", gauges()));
        lines.add("labels.extra = " + (metrics.extraLabels().isEmpty() ? "(none)" : String.join(",", metrics.extraLabels())));
        lines.add("buckets = " + Arrays.stream(buckets()).mapToObj(AggregatorOptions::formatBound)
                .collect(Collectors.joining(",")));
        for (LogField f : LogField.values()) {
            lines.add("fields." + f.key() + " = " + fields.name(f));
        }
        lines.add("errors.max.groups = " + errorGroups.maxGroups());
        lines.add("errors.escalating.events = " + (errorGroups.escalatingEvents() == 0 ? "0 (off)" : errorGroups.escalatingEvents()));
        lines.add("errors.escalating.window = " + Durations.format(errorGroups.escalatingWindow()));
        if (alerts == null) {
            lines.add("alertmanager.url = (none)");
        } else {
            alerts.describe().forEach((k, v) -> lines.add(k + " = " + v));
            lines.add("alertmanager.quiet = " + Durations.format(errorGroups.quiet()));
        }
        lines.add("issues.token.file = " + (issues.token() == null ? "(none: read-only)" : issues.token().source() + " " + issues.token()));
        lines.add("issues.remote = " + issues.remote());
        lines.sort(null);
        return String.join("\n", lines);
    }
}
