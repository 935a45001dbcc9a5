package dev.logtally.monitoring;

import java.time.Duration;
import java.util.List;

/**
 * What {@code logtally monitoring} renders a bundle from: one service's namespace, thresholds, alerts given
 * as data and gauges, validated once by {@link MonitoringSettingsLoader}. Immutable.
 *
 * <pre>{@code
 * MonitoringSettings s = MonitoringSettingsLoader.load("loka_stratum", Path.of("samples/monitoring.properties"));
 * Map<String, String> files = MonitoringBundle.render(s);
 * }</pre>
 *
 * @param namespace        the tailer's metric prefix ({@code NS_errors_total} ...)
 * @param service          the service's name: the tailer's {@code --job} and log file stem in the compose
 *                         file, the dashboard's title, the example labels of the rule tests
 * @param errorRatioMax    HighErrorRate: share of requests failing over 5 minutes (0.05 = 5%)
 * @param errorBurstMax    CriticalErrorBurst: errors per second over the last minute
 * @param latency          SlowResponses: p95 objectives, per method first, the overall one (method null) last
 * @param lagMax           TailerLagging: seconds behind the newest log line
 * @param pushAgeMax       TailerNotPushing: seconds since the last successful push
 * @param gauges           the tailer's gauge fields, each a dashboard panel
 * @param memoryGauge      the gauge holding memory used (MemoryGrowth and its projection panel), or null
 * @param errorAlerts      alerts on error types, as data
 * @param gaugeAlerts      alerts on gauges, as data
 * @param issuesUrl        the default of the dashboard's {@code issues_url} variable: the tailer's listen address
 * @param runbookUrl       each alert's {@code runbook_url} is this followed by its name in lower case
 * @param demoApp          whether the compose file runs logtally's demo service (the sample stack)
 */
public record MonitoringSettings(String namespace, String service, double errorRatioMax, double errorBurstMax,
        List<LatencyObjective> latency, double lagMax, double pushAgeMax, List<String> gauges, String memoryGauge,
        List<ErrorAlert> errorAlerts, List<GaugeAlert> gaugeAlerts, String issuesUrl, String runbookUrl,
        boolean demoApp) {

    public MonitoringSettings {
        latency = List.copyOf(latency);
        gauges = List.copyOf(gauges);
        errorAlerts = List.copyOf(errorAlerts);
        gaugeAlerts = List.copyOf(gaugeAlerts);
    }

    /** A p95 latency objective in seconds, for one method or (method null) every other method. */
    public record LatencyObjective(String method, double seconds) {
    }

    /**
     * An alert on the rate of some error types.
     *
     * @param errorTypes each an exact {@code error_type} or a regular expression (RE2, anchored)
     * @param example    an error type the alert matches (for its rule test)
     * @param rate       fires above this many errors per second over 5 minutes, per error type
     */
    public record ErrorAlert(String name, List<String> errorTypes, String example, String severity, String summary,
            double rate, Duration pending) {
        public ErrorAlert {
            errorTypes = List.copyOf(errorTypes);
        }
    }

    /**
     * An alert on a gauge's value per instance: above {@code threshold} when {@code above}, else below it.
     */
    public record GaugeAlert(String name, String gauge, boolean above, double threshold, String severity,
            String summary, Duration pending) {
    }

    /** {@code NS_<suffix>}. */
    String metric(String suffix) {
        return namespace + "_" + suffix;
    }
}
