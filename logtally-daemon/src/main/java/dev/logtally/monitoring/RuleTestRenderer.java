package dev.logtally.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the {@code promtool test rules} files of {@link RuleRenderer}'s rules: for every alert, input
 * series under which it fires and a case where it stays silent, with the exact labels and annotations it
 * carries. Input values follow from the settings' thresholds (twice the threshold fires, the threshold
 * itself or half of it does not), so the tests prove the rendered thresholds, not fixed numbers.
 *
 * <pre>{@code
 * Map<String, String> tests = new RuleTestRenderer(settings).render();   // "errors.yml" -> its text, ...
 * }</pre>
 */
final class RuleTestRenderer {
    private static final Pattern LABEL = Pattern.compile("\\{\\{ \\$labels\\.(\\w+) }}");
    private static final List<String> OTHER_TYPES = List.of("unrelated_error", "zz_other_error", "other_failure_9");

    private final MonitoringSettings s;
    private final String job;
    private StringBuilder out;

    RuleTestRenderer(MonitoringSettings s) {
        this.s = s;
        this.job = s.service();
    }

    /** File name (under {@code rules/tests/}) → text, in file order. */
    Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("anomaly.yml", anomaly());
        files.put("errors.yml", errors());
        files.put("service.yml", service());
        files.put("tailer.yml", tailer());
        return files;
    }

    private void header(String comment) {
        out = new StringBuilder();
        out.append(comment);
        out.append("rule_files:\n  - ../error-tracking.yml\nevaluation_interval: 1m\n");
        out.append("# Groups in the file's order (promtool's default order is random; recording rules come first).\n");
        out.append("group_eval_order:\n");
        RuleRenderer.GROUPS.forEach(g -> out.append("  - ").append(g).append('\n'));
        out.append("\ntests:\n");
    }

    private String anomaly() {
        header("""
                # promtool test rules: ErrorRateAnomaly of ../error-tracking.yml, a z-score against the error rate's own
                # baseline of the last day. One sample a minute for 25 hours: hour after hour, the first job logs 1.0 then
                # 1.2 errors/s (steady: standard deviation ~0.1/s) and the job "other" 1 then 3 errors/s (noisy: ~1/s);
                # at 24h both rise, the first to 1.6/s (z ~ 4.3, an anomaly), "other" to 3.5/s (z ~ 1.5, not one).
                """);
        StringBuilder steady = new StringBuilder();
        StringBuilder noisy = new StringBuilder();
        long a = 0;
        long b = 0;
        for (int h = 0; h < 24; h++) {
            int ra = h % 2 == 0 ? 60 : 72;
            int rb = h % 2 == 0 ? 60 : 180;
            steady.append(a).append('+').append(ra).append("x59 ");
            noisy.append(b).append('+').append(rb).append("x59 ");
            a += 60L * ra;
            b += 60L * rb;
        }
        steady.append(a).append("+96x60");
        noisy.append(b).append("+210x60");
        out.append("  - interval: 1m\n    input_series:\n");
        series(errorsSeries(job, "host-1", job, "connection_timeout"), steady.toString());
        series(errorsSeries("other", "other-1", "other", "connection_timeout"), noisy.toString());
        out.append("    alert_rule_test:\n");
        comment("A normal hour of the day: no anomaly.");
        silent("23h", "ErrorRateAnomaly");
        comment("Above 3 standard deviations from 24h3m: pending (for: 10m).");
        silent("24h10m", "ErrorRateAnomaly");
        firing("24h25m", "ErrorRateAnomaly", labels("severity", "warning", "job", job, "service", job),
                "Unusual error rate in {{ $labels.service }}",
                "The error rate of job " + job + " is 4.3 standard deviations above its average of the last day.");
        String z = RuleRenderer.recorded(s, "job_service", "errors:zscore1d");
        out.append("    promql_expr_test:\n      # The z-scores themselves (rounded: float sums differ in the last digit).\n");
        out.append("      - expr: round(").append(z).append(", 0.01)\n        eval_time: 24h25m\n        exp_samples:\n");
        out.append("          - labels: '{job=\"").append(job).append("\",service=\"").append(job).append("\"}'\n            value: 4.28\n");
        out.append("          - labels: '{job=\"other\",service=\"other\"}'\n            value: 1.49\n");
        return out.toString();
    }

    private String errors() {
        header("""
                # promtool test rules: the error alerts of ../error-tracking.yml, each firing when it should and silent
                # when it should not. Input: one sample a minute; job/instance are the Pushgateway grouping labels.
                # exp_labels leave out labels with empty values (promtool compares them strictly).
                """);
        double r = s.errorRatioMax();
        out.append("  # HighErrorRate: 10 requests/s; errors at a fifth of the threshold for 10 minutes, then at twice it.\n")
                .append("  # A batch job that logs errors but serves no request has no error ratio at all (no alert).\n");
        out.append("  - interval: 1m\n    input_series:\n");
        series(s.metric("request_duration_seconds_count") + "{job=\"" + job + "\",instance=\"host-1\",method=\"request\"}", "0+600x30");
        double low = 120 * r;
        double high = 1200 * r;
        series(errorsSeries(job, "host-1", job, "request_failed"),
                "0+" + Num.plain(low) + "x10 " + Num.plain(10 * low + high) + "+" + Num.plain(high) + "x20");
        series(errorsSeries("nightly-batch", "batch-1", "batch", "unknown"), "0+30x30");
        out.append("    promql_expr_test:\n");
        out.append("      - expr: ").append(RuleRenderer.recorded(s, "job", "requests:rate5m")).append("\n        eval_time: 20m\n")
                .append("        exp_samples:\n          - labels: '").append(RuleRenderer.recorded(s, "job", "requests:rate5m"))
                .append("{job=\"").append(job).append("\"}'\n            value: 10\n");
        out.append("    alert_rule_test:\n");
        silent("10m", "HighErrorRate");
        comment("Above the threshold from 13m on: still pending at 17m (for: 5m).");
        silent("17m", "HighErrorRate");
        firing("20m", "HighErrorRate", labels("severity", "warning", "job", job, "service", job),
                "High error rate in {{ $labels.service }}",
                Num.humanizePercentage(2 * r) + " of the requests of job " + job + " failed over the last 5 minutes (threshold "
                        + Num.plain(r * 100) + "%).");

        double b = s.errorBurstMax();
        out.append("\n  # CriticalErrorBurst: two error types at 5% of the threshold each, then at the threshold each from 11m.\n")
                .append("  # Neither type alone is above the threshold; the service's total (twice it) is. Another service\n")
                .append("  # stays at 90% of it.\n");
        out.append("  - interval: 1m\n    input_series:\n");
        String burst = "0+" + Num.plain(3 * b) + "x10 " + Num.plain(90 * b) + "+" + Num.plain(60 * b) + "x10";
        series(errorsSeries(job, "host-1", job, "request_failed"), burst);
        series(errorsSeries(job, "host-2", job, "request_timeout"), burst);
        series(errorsSeries("other", "other-1", "other", "unknown"), "0+" + Num.plain(54 * b) + "x20");
        out.append("    alert_rule_test:\n");
        silent("10m", "CriticalErrorBurst");
        comment("Above the threshold from 11m: pending (for: 1m).");
        silent("11m", "CriticalErrorBurst");
        firing("12m", "CriticalErrorBurst", labels("severity", "critical", "job", job, "service", job),
                "Burst of errors in {{ $labels.service }}",
                "Job " + job + " logs " + Num.fixed(2 * b, 2) + " errors per second over the last minute (threshold "
                        + Num.plain(b) + "/s).");

        for (MonitoringSettings.ErrorAlert a : s.errorAlerts()) {
            errorAlert(a);
        }
        return out.toString();
    }

    private void errorAlert(MonitoringSettings.ErrorAlert a) {
        double fire = a.rate() > 0 ? 2 * a.rate() : 0.5;
        long pending = a.pending().toMinutes();
        long te = 16 + pending;
        String other = OTHER_TYPES.stream().filter(t -> !Pattern.compile(String.join("|", a.errorTypes()))
                .matcher(t).matches()).findFirst().orElse("unrelated_error");
        out.append("\n  # ").append(a.name()).append(" (error types ").append(String.join(", ", a.errorTypes()))
                .append("): ").append(a.example()).append(" at ").append(Num.plain(fire)).append("/s from 11m fires;\n")
                .append("  # ").append(other).append(" at ten times that does not")
                .append(a.rate() > 0 ? ", nor " + a.example() + " at half the threshold in another job" : "").append(".\n");
        out.append("  - interval: 1m\n    input_series:\n");
        series(errorsSeries(job, "host-1", job, a.example()), "0x10 " + Num.plain(60 * fire) + "+" + Num.plain(60 * fire) + "x" + (te + 5));
        series(errorsSeries(job, "host-1", job, other), "0+" + Num.plain(600 * fire) + "x" + (te + 15));
        if (a.rate() > 0) {
            series(errorsSeries("other", "other-1", "other", a.example()), "0+" + Num.plain(30 * a.rate()) + "x" + (te + 15));
        }
        out.append("    alert_rule_test:\n");
        silent("10m", a.name());
        comment("Active from 11m: firing after " + RuleRenderer.duration(a.pending()) + ".");
        firing(te + "m", a.name(), labels("severity", a.severity(), "job", job, "service", job, "error_type", a.example()),
                a.summary(), "Job " + job + " logs " + Num.fixed(fire, 2) + " " + a.example()
                        + " errors per second over the last 5 minutes (threshold " + Num.plain(a.rate()) + "/s).");
    }

    private String service() {
        header("""
                # promtool test rules: the service alerts of ../error-tracking.yml (latency objectives, the alerts on
                # gauges, the memory trend), each firing when it should and silent when it should not. One sample a minute.
                """);
        boolean firstCase = true;
        for (MonitoringSettings.LatencyObjective o : s.latency()) {
            if (!firstCase) {
                out.append('\n');
            }
            firstCase = false;
            slow(o);
        }
        for (MonitoringSettings.GaugeAlert a : s.gaugeAlerts()) {
            out.append('\n');
            gaugeAlert(a);
        }
        if (s.memoryGauge() != null) {
            out.append('\n');
            memory();
        }
        return out.toString();
    }

    private void slow(MonitoringSettings.LatencyObjective o) {
        double t = o.seconds();
        String method = o.method() != null ? o.method() : overallMethod();
        out.append("  # SlowResponses of ").append(o.method() == null ? "every method without its own objective" : method)
                .append(" (p95 above ").append(Num.plain(t)).append("s): per minute ").append(method)
                .append(" observes 100 requests,\n  # 12 slower than the objective (p95 = 2.05 times it)")
                .append(o.method() == null ? "; " + method + "_fast answers everything within a tenth of it" : "").append(".\n");
        out.append("  - interval: 1m\n    input_series:\n");
        double[] le = {t / 10, t / 2, t, 2.5 * t};
        int[] slow = {50, 80, 88, 98, 100};
        histogram(method, le, slow);
        if (o.method() == null) {
            histogram(method + "_fast", le, new int[] {100, 100, 100, 100, 100});
        }
        out.append("    alert_rule_test:\n");
        comment("Active from 1m: pending until 11m (for: 10m).");
        silent("10m", "SlowResponses");
        double rank = 0.95 * (100 / 60.0);
        double p95 = t + (2.5 * t - t) * ((rank - 88 / 60.0) / (98 / 60.0 - 88 / 60.0));
        firing("15m", "SlowResponses", labels("severity", "warning", "objective", RuleRenderer.objective(o), "job", job, "method", method),
                "Slow {{ $labels.method }} responses",
                "The 95th percentile of " + method + " in job " + job + " is " + Num.humanizeDuration(p95)
                        + " over the last 5 minutes (threshold " + Num.plain(t) + "s).");
    }

    private String overallMethod() {
        String m = "request";
        while (true) {
            String candidate = m;
            if (s.latency().stream().noneMatch(x -> candidate.equals(x.method()) || (candidate + "_fast").equals(x.method()))) {
                return m;
            }
            m = m + "_x";
        }
    }

    private void histogram(String method, double[] le, int[] perMinute) {
        for (int i = 0; i <= le.length; i++) {
            String bound = i < le.length ? Num.plain(le[i]) : "+Inf";
            series(s.metric("request_duration_seconds_bucket") + "{job=\"" + job + "\",instance=\"host-1\",method=\""
                    + Yaml.promString(method) + "\",le=\"" + bound + "\"}", "0+" + perMinute[i] + "x20");
        }
    }

    private void gaugeAlert(MonitoringSettings.GaugeAlert a) {
        double t = a.threshold();
        double fire = a.above() ? t + Math.max(1, Math.abs(t)) : t - Math.max(1, Math.abs(t));
        long te = 12 + a.pending().toMinutes();
        out.append("  # ").append(a.name()).append(" (").append(a.gauge()).append(a.above() ? " above " : " below ")
                .append(Num.plain(t)).append("): host-1 reports ").append(Num.plain(fire))
                .append(" from 11m; host-2 stays at the threshold.\n");
        out.append("  - interval: 1m\n    input_series:\n");
        String metric = s.metric(a.gauge());
        series(metric + "{job=\"" + job + "\",instance=\"host-1\"}", Num.plain(t) + "x10 " + Num.plain(fire) + "x" + (te + 5));
        series(metric + "{job=\"" + job + "\",instance=\"host-2\"}", Num.plain(t) + "x" + (te + 15));
        out.append("    alert_rule_test:\n");
        silent("10m", a.name());
        firing(te + "m", a.name(), labels("severity", a.severity(), "job", job, "instance", "host-1"), a.summary(),
                "Instance host-1 of job " + job + " reports " + a.gauge() + " " + Num.plain(fire) + " ("
                        + (a.above() ? "above " : "below ") + Num.plain(t) + ").");
    }

    private void memory() {
        String mem = s.metric(s.memoryGauge());
        out.append("""
                  # MemoryGrowth, a trend: host-1 grows 1 MiB a minute from 100 MiB (a leak); host-2 stays at 2 GiB (high,
                  # but steady); host-3 grows 0.1 MiB a minute from 1 GiB (+2.3% in 4 hours: not a leak worth waking for).
                  - interval: 1m
                    input_series:
                """);
        series(mem + "{job=\"" + job + "\",instance=\"host-1\"}", "104857600+1048576x120");
        series(mem + "{job=\"" + job + "\",instance=\"host-2\"}", "2147483648x120");
        series(mem + "{job=\"" + job + "\",instance=\"host-3\"}", "1073741824+104857.6x120");
        out.append("    alert_rule_test:\n");
        comment("Active from 1m: pending until 31m (for: 30m).");
        silent("20m", "MemoryGrowth");
        firing("90m", "MemoryGrowth", labels("severity", "warning", "job", job, "instance", "host-1"),
                "Memory keeps growing in {{ $labels.job }}",
                "Instance host-1 of job " + job + " uses " + Num.humanize1024(430.0 * 1048576)
                        + "B in 4 hours at the pace of the last hour, 25% more than now.");
    }

    private String tailer() {
        header("""
                # promtool test rules: the tailer-health alerts of ../error-tracking.yml, each firing when it should and
                # silent when it should not. One sample a minute. A push group is logtally's when it holds logtally_*
                # metrics; push_time_seconds and push_failure_time_seconds are the Pushgateway's own, per group.
                """);
        double p = s.pushAgeMax();
        long t1 = (long) Math.floor((300 + p) / 60) + 1;
        long te = t1 + 2;
        out.append("  # TailerNotPushing: logtally pushes every minute until 5m, then stops (push_time_seconds stays 300).\n")
                .append("  # A nightly batch job's group is just as old, but it is not logtally's.\n");
        out.append("  - interval: 1m\n    input_series:\n");
        series("push_time_seconds{job=\"" + job + "\",instance=\"host-1\"}", "0+60x5 300x" + (te + 5));
        series("logtally_lines_total{job=\"" + job + "\",instance=\"host-1\"}", "0+100x5 500x" + (te + 5));
        series("push_time_seconds{job=\"nightly-batch\",instance=\"batch-1\"}", "0x" + (te + 10));
        series("backup_last_success_timestamp_seconds{job=\"nightly-batch\",instance=\"batch-1\"}", "0x" + (te + 10));
        out.append("    alert_rule_test:\n");
        silent("5m", "TailerNotPushing");
        comment("Older than " + Num.plain(p) + "s from " + t1 + "m on: pending (for: 1m).");
        silent(t1 + "m", "TailerNotPushing");
        firing(te + "m", "TailerNotPushing", labels("severity", "critical", "job", job, "instance", "host-1"),
                "logtally has stopped pushing for {{ $labels.job }}",
                "The last successful push of job " + job + ", instance host-1 was " + Num.humanizeDuration(60 * te - 300)
                        + " ago: errors are not being tracked.");

        out.append("""

                  # TailerPushFailing: pushes fail from 6m to 11m (push_failure_time_seconds passes push_time_seconds),
                  # then succeed again from 12m. A batch group with a failed push is not logtally's.
                  - interval: 1m
                    input_series:
                """);
        series("push_time_seconds{job=\"" + job + "\",instance=\"host-1\"}", "0+60x5 300x5 720+60x10");
        series("push_failure_time_seconds{job=\"" + job + "\",instance=\"host-1\"}", "0x5 360+60x5 660x10");
        series("logtally_pushes_total{job=\"" + job + "\",instance=\"host-1\"}", "0+1x5 5x5 6+1x10");
        series("push_time_seconds{job=\"nightly-batch\",instance=\"batch-1\"}", "0x22");
        series("push_failure_time_seconds{job=\"nightly-batch\",instance=\"batch-1\"}", "60x22");
        out.append("    alert_rule_test:\n");
        silent("7m", "TailerPushFailing");
        firing("10m", "TailerPushFailing", labels("severity", "warning", "job", job, "instance", "host-1"),
                "The Pushgateway rejects logtally's pushes for {{ $labels.job }}",
                "The last push of job " + job + ", instance host-1 failed after the last successful one: the Pushgateway keeps showing old values.");
        silent("15m", "TailerPushFailing");

        double l = s.lagMax();
        out.append("\n  # TailerLagging: host-1 falls twice the limit behind at 6m; host-2 stays at half the limit.\n");
        out.append("  - interval: 1m\n    input_series:\n");
        series("logtally_lag_seconds{job=\"" + job + "\",instance=\"host-1\"}", "0x5 " + Num.plain(2 * l) + "x20");
        series("logtally_lag_seconds{job=\"" + job + "\",instance=\"host-2\"}", Num.plain(l / 2) + "x25");
        out.append("    alert_rule_test:\n");
        silent("10m", "TailerLagging");
        firing("15m", "TailerLagging", labels("severity", "warning", "job", job, "instance", "host-1"),
                "logtally is behind the logs of {{ $labels.job }}",
                "Instance host-1 of job " + job + " is " + Num.humanizeDuration(2 * l) + " behind the newest log line.");

        out.append("""

                  # TailerParseErrors: 3 malformed lines at 11m fire at once, and clear when the 10-minute window has
                  # passed; old invalid_utf8 errors that no longer grow do not fire.
                  - interval: 1m
                    input_series:
                """);
        series("logtally_parse_errors_total{job=\"" + job + "\",instance=\"host-1\",reason=\"malformed\"}", "0x10 3x20");
        series("logtally_parse_errors_total{job=\"" + job + "\",instance=\"host-1\",reason=\"invalid_utf8\"}", "5x30");
        out.append("    alert_rule_test:\n");
        silent("10m", "TailerParseErrors");
        firing("12m", "TailerParseErrors", labels("severity", "warning", "job", job, "instance", "host-1", "reason", "malformed"),
                "logtally skips log lines of {{ $labels.job }} ({{ $labels.reason }})",
                "Instance host-1 of job " + job + " met 3 malformed parse errors over the last 10 minutes.");
        silent("25m", "TailerParseErrors");

        out.append("""

                  # TailerSeriesDropped: the cardinality guard folds 40 error_type values into "other" from 11m; the
                  # method label's old drops no longer grow.
                  - interval: 1m
                    input_series:
                """);
        series("logtally_series_dropped_total{job=\"" + job + "\",instance=\"host-1\",metric=\"" + s.metric("errors_total")
                + "\",label=\"error_type\"}", "0x10 40x20");
        series("logtally_series_dropped_total{job=\"" + job + "\",instance=\"host-1\",metric=\""
                + s.metric("request_duration_seconds") + "\",label=\"method\"}", "7x30");
        out.append("    alert_rule_test:\n");
        silent("10m", "TailerSeriesDropped");
        firing("12m", "TailerSeriesDropped", labels("severity", "warning", "job", job, "instance", "host-1",
                "metric", s.metric("errors_total"), "label", "error_type"),
                "Too many distinct {{ $labels.label }} values in {{ $labels.metric }}",
                "Instance host-1 of job " + job + " folded 40 events into error_type=\"other\" over the last 10 minutes (the cardinality guard).");
        silent("25m", "TailerSeriesDropped");

        out.append("""

                  # PushgatewayDown: the Pushgateway stops answering at 6m; another target being down does not fire it.
                  - interval: 1m
                    input_series:
                """);
        series("up{job=\"pushgateway\",instance=\"pushgateway:9091\"}", "1x5 0x10");
        series("up{job=\"grafana\",instance=\"grafana:3000\"}", "0x15");
        out.append("    alert_rule_test:\n");
        silent("5m", "PushgatewayDown");
        silent("6m", "PushgatewayDown");
        firing("8m", "PushgatewayDown", labels("severity", "critical", "job", "pushgateway", "instance", "pushgateway:9091"),
                "Prometheus cannot scrape the Pushgateway",
                "The Pushgateway at pushgateway:9091 has not answered for 1 minute: no logtally metric reaches Prometheus.");
        return out.toString();
    }

    private String errorsSeries(String job, String instance, String service, String errorType) {
        return s.metric("errors_total") + "{job=\"" + job + "\",instance=\"" + instance + "\",service=\"" + service
                + "\",error_type=\"" + errorType + "\"}";
    }

    private void series(String selector, String values) {
        out.append("      - series: '").append(selector.replace("'", "''")).append("'\n        values: '").append(values).append("'\n");
    }

    private void comment(String text) {
        out.append("      # ").append(text).append('\n');
    }

    private void silent(String at, String alert) {
        out.append("      - eval_time: ").append(at).append("\n        alertname: ").append(alert)
                .append("\n        exp_alerts: []\n");
    }

    private void firing(String at, String alert, Map<String, String> labels, String summaryTemplate, String description) {
        out.append("      - eval_time: ").append(at).append("\n        alertname: ").append(alert).append("\n        exp_alerts:\n");
        out.append("          - exp_labels:\n");
        labels.forEach((k, v) -> out.append("              ").append(k).append(": ").append(Yaml.quote(v)).append('\n'));
        out.append("            exp_annotations:\n");
        out.append("              summary: ").append(Yaml.quote(expand(summaryTemplate, labels))).append('\n');
        out.append("              description: ").append(Yaml.quote(description)).append('\n');
        out.append("              runbook_url: ").append(Yaml.quote(s.runbookUrl() + alert.toLowerCase())).append('\n');
    }

    /** A summary with its {@code {{ $labels.NAME }}} replaced, as Prometheus renders it. */
    static String expand(String template, Map<String, String> labels) {
        Matcher m = LABEL.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(b).toString();
    }

    private static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
