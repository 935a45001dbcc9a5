package dev.logtally.config;

import dev.logtally.export.PushOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * @param namespace          metric name prefix ({@code namespace})
 * @param push               where and how to push, or null when not pushing
 * @param pushInterval       time between pushes
 * @param listen             where to serve {@code /metrics}, or null
 * @param pollInterval       how often idle files are checked
 * @param checkpointInterval how often a checkpoint is written
 * @param rotateWait         how long a rotated file is still read for late writes
 * @param startAtEnd         true when files found at the very first start are read from their end
 * @param lineMaxBytes       longer lines are skipped unbuffered
 * @param labelsMaxValues    distinct values per label before {@code other}
 * @param errorLevels        levels counted as errors
 * @param gauges             numeric fields exported as gauges
 * @param buckets            histogram bounds in seconds, ascending
 * @param fields             logical field name → JSON field name, for every field the tailer reads
 */
public record Options(
        List<String> paths,
        List<String> rotated,
        Path stateDir,
        String namespace,
        PushOptions push,
        Duration pushInterval,
        HostPort listen,
        Duration pollInterval,
        Duration checkpointInterval,
        Duration rotateWait,
        boolean startAtEnd,
        int lineMaxBytes,
        int labelsMaxValues,
        Set<String> errorLevels,
        List<String> gauges,
        double[] buckets,
        Map<String, String> fields) {

    public Options {
        paths = List.copyOf(paths);
        rotated = List.copyOf(rotated);
        errorLevels = Set.copyOf(errorLevels);
        gauges = List.copyOf(gauges);
        buckets = buckets.clone();
        fields = Map.copyOf(fields);
    }

    @Override
    public double[] buckets() {
        return buckets.clone();
    }

    /** The JSON field name that logical field {@code logical} (e.g. {@code duration_ms}) is read from. */
    public String field(String logical) {
        String f = fields.get(logical);
        if (f == null) {
            throw new IllegalArgumentException("unknown field " + logical);
        }
        return f;
    }

    /** The effective configuration, one {@code key = value} per line, sorted, secrets masked. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("paths = " + String.join(", ", paths));
        lines.add("rotated = " + (rotated.isEmpty() ? "(siblings starting with each file's stem)" : String.join(", ", rotated)));
        lines.add("state.dir = " + (stateDir == null ? "(none)" : stateDir));
        lines.add("namespace = " + namespace);
        if (push == null) {
            lines.add("push.url = (none)");
        } else {
            push.describe().forEach((k, v) -> lines.add(k + " = " + v));
            lines.add("push.interval = " + Durations.format(pushInterval));
        }
        lines.add("listen = " + (listen == null ? "(none)" : listen));
        lines.add("poll.interval = " + Durations.format(pollInterval));
        lines.add("checkpoint.interval = " + Durations.format(checkpointInterval));
        lines.add("rotate.wait = " + Durations.format(rotateWait));
        lines.add("start.position = " + (startAtEnd ? "end" : "beginning"));
        lines.add("line.max.bytes = " + Sizes.format(lineMaxBytes));
        lines.add("labels.max.values = " + labelsMaxValues);
        lines.add("error.levels = " + errorLevels.stream().sorted().collect(Collectors.joining(",")));
        lines.add("gauges = " + String.join(",", gauges));
        lines.add("buckets = " + Arrays.stream(buckets).mapToObj(OptionsLoader::formatBound).collect(Collectors.joining(",")));
        fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add("fields." + e.getKey() + " = " + e.getValue()));
        lines.sort(null);
        return String.join("\n", lines);
    }
}
