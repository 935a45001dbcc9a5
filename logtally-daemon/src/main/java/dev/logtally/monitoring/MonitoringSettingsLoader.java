package dev.logtally.monitoring;

import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code logtally monitoring}'s settings file (Java properties; every key and its default in the
 * README, "Monitoring for your service") into one {@link MonitoringSettings}, checking everything once: an
 * unknown key, a number that is not one, a namespace that is not a metric prefix, an alert without its
 * error types... each is a {@link ConfigException} naming the key, in one line.
 *
 * <pre>{@code
 * MonitoringSettings s = MonitoringSettingsLoader.load("shop", Path.of("shop-monitoring.properties"));
 * MonitoringSettings d = MonitoringSettingsLoader.load("shop", null);   // every default
 * }</pre>
 */
public final class MonitoringSettingsLoader {
    /** Alerts the bundle always has; data alerts may not reuse their names. */
    static final Set<String> GENERIC_ALERTS = Set.of("HighErrorRate", "CriticalErrorBurst", "ErrorRateAnomaly",
            "SlowResponses", "MemoryGrowth", "TailerNotPushing", "TailerPushFailing", "TailerLagging",
            "TailerParseErrors", "TailerSeriesDropped", "PushgatewayDown", "NewErrorGroup", "ErrorGroupRegressed",
            "ErrorGroupEscalating");
    private static final Set<String> KEYS = Set.of("namespace", "service", "error_ratio.max", "error_burst.max",
            "latency.objective", "lag.max", "push_age.max", "gauges", "memory.gauge", "error_alerts", "gauge_alerts",
            "issues_url", "runbook_url", "compose.demo_app");
    private static final Set<String> ERROR_ALERT_KEYS = Set.of("error_types", "example", "severity", "summary", "rate", "for");
    private static final Set<String> GAUGE_ALERT_KEYS = Set.of("gauge", "above", "below", "severity", "summary", "for");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern LITERAL_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern METHOD = Pattern.compile("[^\"\\\\\\s]+");

    private MonitoringSettingsLoader() {
    }

    /**
     * @param namespaceFlag {@code --namespace}, which wins over the file's {@code namespace}; may be null
     * @param file          the settings file, or null for every default
     */
    public static MonitoringSettings load(String namespaceFlag, Path file) {
        Map<String, String> raw = file == null ? Map.of() : read(file);
        Values v = new Values(raw);
        String namespace = namespaceFlag != null ? namespaceFlag : raw.get("namespace");
        if (namespace == null) {
            throw new ConfigException("--namespace", "is required (or namespace= in the settings file)");
        }
        AggregatorOptions.defaults(namespace); // the tailer's own check of a metric prefix
        if (namespace.contains(":")) {
            throw new ConfigException("namespace", "'" + namespace + "' is not a valid metric name prefix (no ':' in it)");
        }
        String service = v.matching("service", "app", SERVICE, "letters, digits, '_', '.', '-'");
        List<String> gauges = v.list("gauges");
        for (String g : gauges) {
            if (!NAME.matcher(g).matches()) {
                throw new ConfigException("gauges", "'" + g + "' is not a gauge field name (letters, digits and '_')");
            }
        }
        String memory = raw.get("memory.gauge");
        if (memory != null && !gauges.contains(memory)) {
            throw new ConfigException("memory.gauge", "'" + memory + "' is not one of gauges " + gauges);
        }
        Set<String> names = new HashSet<>(GENERIC_ALERTS);
        List<MonitoringSettings.ErrorAlert> errorAlerts = new ArrayList<>();
        for (String name : v.list("error_alerts")) {
            checkName("error_alerts", name, names);
            errorAlerts.add(errorAlert(v, name));
        }
        List<MonitoringSettings.GaugeAlert> gaugeAlerts = new ArrayList<>();
        for (String name : v.list("gauge_alerts")) {
            checkName("gauge_alerts", name, names);
            gaugeAlerts.add(gaugeAlert(v, name, gauges));
        }
        for (String k : raw.keySet()) {
            if (!KEYS.contains(k) && !k.startsWith("latency.objective.") && !v.used.contains(k)) {
                throw new ConfigException(k, "unknown key" + (file == null ? "" : " in " + file));
            }
        }
        String issuesUrl = v.getOr("issues_url", "http://localhost:9400");
        if (!issuesUrl.matches("https?://\\S+") || issuesUrl.endsWith("/")) {
            throw new ConfigException("issues_url", "'" + issuesUrl + "' is not an http(s) URL without a trailing '/'");
        }
        String demo = v.getOr("compose.demo_app", "false");
        if (!demo.equals("true") && !demo.equals("false")) {
            throw new ConfigException("compose.demo_app", "'" + demo + "' is not true or false");
        }
        return new MonitoringSettings(namespace, service,
                v.number("error_ratio.max", 0.05, 0, 1, false),
                v.number("error_burst.max", 10, 0, Double.MAX_VALUE, false),
                latency(v, raw), v.number("lag.max", 60, 0, Double.MAX_VALUE, false),
                v.number("push_age.max", 120, 0, Double.MAX_VALUE, false),
                gauges, memory, errorAlerts, gaugeAlerts, issuesUrl, v.getOr("runbook_url", "monitoring/README.md#"),
                Boolean.parseBoolean(demo));
    }

    private static List<MonitoringSettings.LatencyObjective> latency(Values v, Map<String, String> raw) {
        List<MonitoringSettings.LatencyObjective> out = new ArrayList<>();
        for (String k : new TreeMap<>(raw).keySet()) {
            if (k.startsWith("latency.objective.")) {
                String method = k.substring("latency.objective.".length());
                if (!METHOD.matcher(method).matches()) {
                    throw new ConfigException(k, "'" + method + "' is not a method name (no quotes, backslashes or spaces)");
                }
                out.add(new MonitoringSettings.LatencyObjective(method, v.number(k, 1, 0, Double.MAX_VALUE, false)));
            }
        }
        out.add(new MonitoringSettings.LatencyObjective(null, v.number("latency.objective", 1, 0, Double.MAX_VALUE, false)));
        return out;
    }

    private static MonitoringSettings.ErrorAlert errorAlert(Values v, String name) {
        String p = "error_alert." + name + ".";
        v.markUsed(p, ERROR_ALERT_KEYS);
        List<String> types = v.list(p + "error_types");
        if (types.isEmpty()) {
            throw new ConfigException(p + "error_types", "is required: the error types (or regular expressions) the alert counts");
        }
        Pattern all;
        try {
            all = Pattern.compile(String.join("|", types));
        } catch (PatternSyntaxException e) {
            throw new ConfigException(p + "error_types", "not a regular expression: " + e.getDescription());
        }
        String example = v.get(p + "example");
        if (example == null) {
            example = types.stream().filter(t -> LITERAL_TYPE.matcher(t).matches()).findFirst().orElseThrow(
                    () -> new ConfigException(p + "example", "is required when error_types holds only regular expressions"));
        }
        if (!LITERAL_TYPE.matcher(example).matches() || !all.matcher(example).matches()) {
            throw new ConfigException(p + "example", "'" + example + "' is not an error type that error_types matches");
        }
        return new MonitoringSettings.ErrorAlert(name, types, example, severity(v, p), summary(v, p, name + " in {{ $labels.service }}"), v.number(p + "rate", 0.1, 0, Double.MAX_VALUE, true),
                pending(v, p, "5m"));
    }

    private static MonitoringSettings.GaugeAlert gaugeAlert(Values v, String name, List<String> gauges) {
        String p = "gauge_alert." + name + ".";
        v.markUsed(p, GAUGE_ALERT_KEYS);
        String gauge = v.get(p + "gauge");
        if (gauge == null || !gauges.contains(gauge)) {
            throw new ConfigException(p + "gauge", (gauge == null ? "is required: one of gauges " : "'" + gauge + "' is not one of gauges ")
                    + gauges);
        }
        boolean above = v.get(p + "above") != null;
        if (above == (v.get(p + "below") != null)) {
            throw new ConfigException(p + "above", "give exactly one of " + p + "above and " + p + "below");
        }
        String key = p + (above ? "above" : "below");
        double threshold = v.number(key, 0, -Double.MAX_VALUE, Double.MAX_VALUE, true);
        return new MonitoringSettings.GaugeAlert(name, gauge, above, threshold, severity(v, p),
                summary(v, p, name + " in {{ $labels.job }}"), pending(v, p, "5m"));
    }

    private static String summary(Values v, String prefix, String dflt) {
        String text = v.getOr(prefix + "summary", dflt);
        if (text.replaceAll("\\{\\{ \\$labels\\.\\w+ }}", "").contains("{{")) {
            throw new ConfigException(prefix + "summary", "may use {{ $labels.NAME }} and no other template: " + text);
        }
        return text;
    }

    private static String severity(Values v, String prefix) {
        String s = v.getOr(prefix + "severity", "warning");
        if (!s.equals("warning") && !s.equals("critical")) {
            throw new ConfigException(prefix + "severity", "'" + s + "' is not warning or critical");
        }
        return s;
    }

    private static Duration pending(Values v, String prefix, String dflt) {
        String text = v.getOr(prefix + "for", dflt);
        Duration d = Durations.parseOrZero(prefix + "for", text);
        if (d.toMillis() % 60_000 != 0) {
            throw new ConfigException(prefix + "for", "'" + text + "' is not a whole number of minutes");
        }
        return d;
    }

    private static void checkName(String key, String name, Set<String> taken) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(key, "'" + name + "' is not an alert name (a letter, then letters, digits and '_')");
        }
        if (!taken.add(name)) {
            throw new ConfigException(key, "alert name '" + name + "' is used twice (or by a built-in alert)");
        }
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--config", "cannot read " + file + ": "
                    + (e instanceof IOException io ? ConfigException.reason(io) : e.getMessage()));
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.trim(), p.getProperty(k).trim()));
        return m;
    }

    /** The raw values, typed on the way out; remembers which per-alert keys an alert claimed. */
    private static final class Values {
        private final Map<String, String> raw;
        private final Set<String> used = new HashSet<>();

        Values(Map<String, String> raw) {
            this.raw = raw;
        }

        String get(String key) {
            String s = raw.get(key);
            return s == null || s.isEmpty() ? null : s;
        }

        String getOr(String key, String dflt) {
            String s = get(key);
            return s == null ? dflt : s;
        }

        List<String> list(String key) {
            String s = get(key);
            return s == null ? List.of() : Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        }

        String matching(String key, String dflt, Pattern p, String what) {
            String s = getOr(key, dflt);
            if (!p.matcher(s).matches()) {
                throw new ConfigException(key, "'" + s + "' is not valid (" + what + ")");
            }
            return s;
        }

        double number(String key, double dflt, double min, double max, boolean minIncluded) {
            String s = get(key);
            if (s == null) {
                return dflt;
            }
            double d;
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + s + "' is not a number");
            }
            if (!Double.isFinite(d) || d > max || d < min || (d == min && !minIncluded)) {
                throw new ConfigException(key, "'" + s + "' is out of range (" + (minIncluded ? "at least " : "above ")
                        + Num.plain(min) + (max == Double.MAX_VALUE ? "" : ", at most " + Num.plain(max)) + ")");
            }
            return d;
        }

        /** Claims {@code prefix + k} for every allowed {@code k}; any other key under the prefix is unknown. */
        void markUsed(String prefix, Set<String> allowed) {
            for (String k : raw.keySet()) {
                if (k.startsWith(prefix)) {
                    if (!allowed.contains(k.substring(prefix.length()))) {
                        throw new ConfigException(k, "unknown key (" + prefix + "* takes "
                                + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                    }
                    used.add(k);
                }
            }
        }
    }
}
