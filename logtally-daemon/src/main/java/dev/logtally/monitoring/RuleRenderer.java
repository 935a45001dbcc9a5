package dev.logtally.monitoring;

import java.time.Duration;
import java.util.List;

/**
 * Renders {@code prometheus/rules/error-tracking.yml}: the recording rules and the alerts for one service's
 * namespace. The generic alerts (error ratio, burst, anomaly, slow responses, memory trend when a memory
 * gauge is configured, the tailer's health) are written here; the alerts on error types and gauges come
 * from the settings as data. {@link RuleTestRenderer} writes the promtool tests of exactly these rules.
 *
 * <pre>{@code
 * String rules = new RuleRenderer(settings).render();
 * }</pre>
 */
final class RuleRenderer {
    /** The rule groups, in the order promtool tests must evaluate them. */
    static final List<String> GROUPS = List.of("logtally-recording", "logtally-errors", "logtally-service", "logtally-tailer");

    private final MonitoringSettings s;
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    RuleRenderer(MonitoringSettings s) {
        this.s = s;
    }

    /** The recording rule name {@code LEVEL:NS_WHAT:rate5m}-style for this namespace. */
    static String recorded(MonitoringSettings s, String level, String what) {
        return level + ":" + s.namespace() + "_" + what;
    }

    String render() {
        String ns = s.namespace();
        String errors = s.metric("errors_total");
        String errRate = recorded(s, "job_service", "errors:rate5m");
        String reqRate = recorded(s, "job", "requests:rate5m");
        String ratio = recorded(s, "job_service", "error_ratio:rate5m");
        out.append("# Error tracking for a service logging through logtally's Logback drop-in (metric namespace ").append(ns)
                .append(").\n# Rendered by `logtally monitoring` from its settings: edit those and render again, not this file.\n#\n");
        out.append("""
                # Every metric arrives through the Pushgateway, pushed by `logtally tail --push URL --job JOB`: each series
                # carries the grouping labels `job` and `instance` (Prometheus scrapes the Pushgateway with honor_labels).
                # "Requests" are the _count of the request-duration histogram: every timed event is one request.
                #
                # Every alert has severity, summary, description and a runbook_url. Unit tests: promtool test rules tests/*.yml
                groups:
                  - name: logtally-recording
                    rules:
                      # Errors per second, per job and service (the log line's `service` field).
                """);
        line(6, "- record: " + errRate);
        line(8, "expr: sum by (job, service) (rate(" + errors + "[5m]))");
        out.append("\n      # Requests per second, per job.\n");
        line(6, "- record: " + reqRate);
        line(8, "expr: sum by (job) (rate(" + s.metric("request_duration_seconds_count") + "[5m]))");
        out.append("\n      # Share of the requests that failed; absent while a job serves no request (no division by zero).\n");
        line(6, "- record: " + ratio);
        line(8, "expr: |");
        line(10, errRate);
        line(12, "/ on (job) group_left ()");
        line(10, "(" + reqRate + " > 0)");
        out.append("""

                      # The error rate's own baseline over the last day, and how many standard deviations the current rate
                      # is above it. Rules of one group run in order, so each sees the values recorded just above it.
                """);
        line(6, "- record: " + errRate + "_avg1d");
        line(8, "expr: avg_over_time(" + errRate + "[1d])");
        line(6, "- record: " + errRate + "_stddev1d");
        line(8, "expr: stddev_over_time(" + errRate + "[1d])");
        line(6, "- record: " + recorded(s, "job_service", "errors:zscore1d"));
        line(8, "expr: |");
        line(10, "(" + errRate + " - " + errRate + "_avg1d)");
        line(12, "/ " + errRate + "_stddev1d");

        group("logtally-errors");
        alert("HighErrorRate", null, ratio + " > " + Num.plain(s.errorRatioMax()), "5m", "warning",
                "High error rate in {{ $labels.service }}", highErrorRateDescription(s));
        alert("CriticalErrorBurst", null, "sum by (job, service) (rate(" + errors + "[1m])) > " + Num.plain(s.errorBurstMax()),
                "1m", "critical", "Burst of errors in {{ $labels.service }}", burstDescription(s));
        alert("ErrorRateAnomaly", List.of(
                "A z-score: far above the rate's own baseline of the last day, whatever that baseline is. The",
                "floor (0.05/s, 3 a minute) keeps a single stray error of a quiet service from paging anyone."),
                "|\n          " + recorded(s, "job_service", "errors:zscore1d") + " > 3\n            and on (job, service)\n          "
                        + errRate + " > 0.05",
                "10m", "warning", "Unusual error rate in {{ $labels.service }}",
                "The error rate of job {{ $labels.job }} is {{ printf \"%.1f\" $value }} standard deviations above its average of the last day.");
        for (MonitoringSettings.ErrorAlert a : s.errorAlerts()) {
            alert(a.name(), List.of("From the settings: error types " + String.join(", ", a.errorTypes()) + "."),
                    errorAlertExpr(s, a), duration(a.pending()), a.severity(), a.summary(), errorAlertDescription(a));
        }

        group("logtally-service");
        for (MonitoringSettings.LatencyObjective o : s.latency()) {
            alert("SlowResponses", o.method() == null ? null : List.of("The objective of " + o.method() + "."),
                    "|\n          histogram_quantile(0.95,\n            sum by (job, method, le) (rate("
                            + s.metric("request_duration_seconds_bucket") + latencySelector(s, o) + "[5m]))\n          ) > "
                            + Num.plain(o.seconds()),
                    "10m", "warning\n          objective: " + Yaml.quote(objective(o)), "Slow {{ $labels.method }} responses",
                    slowDescription(o));
        }
        for (MonitoringSettings.GaugeAlert a : s.gaugeAlerts()) {
            alert(a.name(), List.of("From the settings: gauge " + a.gauge() + "."), gaugeAlertExpr(s, a),
                    duration(a.pending()), a.severity(), a.summary(), gaugeAlertDescription(a));
        }
        if (s.memoryGauge() != null) {
            String mem = s.metric(s.memoryGauge());
            alert("MemoryGrowth", List.of(
                    "A trend, not a threshold: the last hour's linear fit, projected 4 hours ahead, lies 25% above",
                    "today's value. A steady level, however high, never fires; a leak does, long before the limit."),
                    "|\n          predict_linear(" + mem + "[1h], 4 * 3600)\n            > 1.25 * " + mem, "30m", "warning",
                    "Memory keeps growing in {{ $labels.job }}",
                    "Instance {{ $labels.instance }} of job {{ $labels.job }} uses {{ $value | humanize1024 }}B in 4 hours at the pace of the last hour, 25% more than now.");
        }
        group("logtally-tailer");
        out.append("""
                      # The tailer's push groups are those holding its own logtally_* metrics; other groups on the same
                      # Pushgateway (batch jobs that push once a day) are left alone.
                """);
        alert("TailerNotPushing", null, "|\n          time() - push_time_seconds > " + Num.plain(s.pushAgeMax())
                        + "\n            and on (job, instance)\n          group by (job, instance) ({__name__=~\"logtally_.+\"})",
                "1m", "critical", "logtally has stopped pushing for {{ $labels.job }}",
                "The last successful push of job {{ $labels.job }}, instance {{ $labels.instance }} was {{ $value | humanizeDuration }} ago: errors are not being tracked.");
        alert("TailerPushFailing", null, "|\n          push_failure_time_seconds > push_time_seconds"
                        + "\n            and on (job, instance)\n          group by (job, instance) ({__name__=~\"logtally_.+\"})",
                "2m", "warning", "The Pushgateway rejects logtally's pushes for {{ $labels.job }}",
                "The last push of job {{ $labels.job }}, instance {{ $labels.instance }} failed after the last successful one: the Pushgateway keeps showing old values.");
        alert("TailerLagging", null, "logtally_lag_seconds > " + Num.plain(s.lagMax()), "5m", "warning",
                "logtally is behind the logs of {{ $labels.job }}",
                "Instance {{ $labels.instance }} of job {{ $labels.job }} is {{ $value | humanizeDuration }} behind the newest log line.");
        alert("TailerParseErrors", null, "sum by (job, instance, reason) (increase(logtally_parse_errors_total[10m])) > 0", null,
                "warning", "logtally skips log lines of {{ $labels.job }} ({{ $labels.reason }})",
                "Instance {{ $labels.instance }} of job {{ $labels.job }} met {{ $value | humanize }} {{ $labels.reason }} parse errors over the last 10 minutes.");
        alert("TailerSeriesDropped", null, "sum by (job, instance, metric, label) (increase(logtally_series_dropped_total[10m])) > 0",
                null, "warning", "Too many distinct {{ $labels.label }} values in {{ $labels.metric }}",
                "Instance {{ $labels.instance }} of job {{ $labels.job }} folded {{ $value | humanize }} events into {{ $labels.label }}=\"other\" over the last 10 minutes (the cardinality guard).");
        alert("PushgatewayDown", null, "up{job=\"pushgateway\"} == 0", "1m", "critical",
                "Prometheus cannot scrape the Pushgateway",
                "The Pushgateway at {{ $labels.instance }} has not answered for 1 minute: no logtally metric reaches Prometheus.");
        return out.toString();
    }

    static String highErrorRateDescription(MonitoringSettings s) {
        return "{{ $value | humanizePercentage }} of the requests of job {{ $labels.job }} failed over the last 5 minutes (threshold "
                + Num.plain(s.errorRatioMax() * 100) + "%).";
    }

    static String burstDescription(MonitoringSettings s) {
        return "Job {{ $labels.job }} logs {{ printf \"%.2f\" $value }} errors per second over the last minute (threshold "
                + Num.plain(s.errorBurstMax()) + "/s).";
    }

    static String errorAlertExpr(MonitoringSettings s, MonitoringSettings.ErrorAlert a) {
        return "sum by (job, service, error_type) (rate(" + s.metric("errors_total") + "{error_type=~\""
                + Yaml.promString(String.join("|", a.errorTypes())) + "\"}[5m])) > " + Num.plain(a.rate());
    }

    static String errorAlertDescription(MonitoringSettings.ErrorAlert a) {
        return "Job {{ $labels.job }} logs {{ printf \"%.2f\" $value }} {{ $labels.error_type }} errors per second over the last 5 minutes (threshold "
                + Num.plain(a.rate()) + "/s).";
    }

    static String latencySelector(MonitoringSettings s, MonitoringSettings.LatencyObjective o) {
        if (o.method() != null) {
            return "{method=\"" + Yaml.promString(o.method()) + "\"}";
        }
        List<String> others = s.latency().stream().filter(x -> x.method() != null).map(x -> Yaml.regexLiteral(x.method())).toList();
        return others.isEmpty() ? "" : "{method!~\"" + Yaml.promString(String.join("|", others)) + "\"}";
    }

    /** The {@code objective} label of a SlowResponses rule ({@code 1s}): it tells the rules apart. */
    static String objective(MonitoringSettings.LatencyObjective o) {
        return Num.plain(o.seconds()) + "s";
    }

    static String slowDescription(MonitoringSettings.LatencyObjective o) {
        return "The 95th percentile of {{ $labels.method }} in job {{ $labels.job }} is {{ $value | humanizeDuration }} over the last 5 minutes (threshold "
                + Num.plain(o.seconds()) + "s).";
    }

    static String gaugeAlertExpr(MonitoringSettings s, MonitoringSettings.GaugeAlert a) {
        return s.metric(a.gauge()) + (a.above() ? " > " : " < ") + Num.plain(a.threshold());
    }

    static String gaugeAlertDescription(MonitoringSettings.GaugeAlert a) {
        return "Instance {{ $labels.instance }} of job {{ $labels.job }} reports " + a.gauge() + " {{ $value }} ("
                + (a.above() ? "above " : "below ") + Num.plain(a.threshold()) + ").";
    }

    /** {@code 5m}, {@code 1h}: a pending period as Prometheus writes it (whole minutes). */
    static String duration(Duration d) {
        long m = d.toMinutes();
        return m == 0 ? "0s" : m % 60 == 0 ? (m / 60) + "h" : m + "m";
    }

    private void alert(String name, List<String> comment, String expr, String pending, String severity, String summary,
            String description) {
        if (!first) {
            out.append('\n');
        }
        first = false;
        line(6, "- alert: " + name);
        if (comment != null) {
            comment.forEach(c -> line(8, "# " + c));
        }
        line(8, "expr: " + expr);
        if (pending != null && !pending.equals("0s")) {
            line(8, "for: " + pending);
        }
        line(8, "labels:");
        line(10, "severity: " + severity); // may carry further label lines
        line(8, "annotations:");
        line(10, "summary: " + Yaml.quote(summary));
        line(10, "description: " + Yaml.quote(description));
        line(10, "runbook_url: " + Yaml.quote(s.runbookUrl() + name.toLowerCase()));
    }

    private void group(String name) {
        out.append("\n  - name: ").append(name).append("\n    rules:\n");
        first = true;
    }

    private void line(int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
