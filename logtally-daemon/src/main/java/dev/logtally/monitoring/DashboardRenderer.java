package dev.logtally.monitoring;

import java.util.List;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the Grafana dashboard {@code grafana/dashboards/error-tracking.json} for one service: the errors
 * and latency rows of its namespace, a row of its gauges (only when gauges are configured; the memory
 * gauge with its 4-hour projection), the alerts, the tailer's health, and where error groups live: a text
 * panel naming {@code logtally errors} and the tailer's issues page, the variable {@code issues_url} (the
 * page's base URL) and data links from the error panels to {@code ${issues_url}/issues?error_type=...}.
 * Every query uses the data-source variable {@code datasource}.
 *
 * <pre>{@code
 * String json = new DashboardRenderer(settings).render();
 * }</pre>
 */
final class DashboardRenderer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ISSUES_LINK = "${issues_url}/issues?error_type=${__field.labels.error_type}";

    private final MonitoringSettings s;
    private final ArrayNode panels = F.arrayNode();
    private int id;

    DashboardRenderer(MonitoringSettings s) {
        this.s = s;
    }

    String render() {
        ObjectNode d = F.objectNode();
        d.put("uid", "logtally-error-tracking");
        d.put("title", "logtally: error tracking");
        d.put("description", "Errors, latency, " + (s.gauges().isEmpty() ? "" : "service gauges, ")
                + "alerts and the tailer's health, from the metrics logtally pushes for " + s.service() + " (namespace "
                + s.namespace() + "). Rendered by `logtally monitoring`.");
        ArrayNode tags = d.putArray("tags");
        tags.add("logtally").add("errors").add("prometheus");
        d.put("timezone", "browser");
        d.put("editable", true);
        d.put("graphTooltip", 1);
        d.put("schemaVersion", 39);
        d.put("version", 1);
        d.put("refresh", "30s");
        ObjectNode time = d.putObject("time");
        time.put("from", "now-6h");
        time.put("to", "now");
        ObjectNode ann = d.putObject("annotations").putArray("list").addObject();
        ann.put("builtIn", 1);
        ObjectNode ads = ann.putObject("datasource");
        ads.put("type", "grafana");
        ads.put("uid", "-- Grafana --");
        ann.put("enable", true);
        ann.put("hide", true);
        ann.put("iconColor", "rgba(0, 211, 255, 1)");
        ann.put("name", "Annotations & Alerts");
        ann.put("type", "dashboard");
        templating(d.putObject("templating").putArray("list"));
        errorsRow();
        latencyRow();
        int y = 29;
        if (!s.gauges().isEmpty()) {
            y = gaugesRow(y);
        }
        row("Alerts", y);
        ObjectNode table = panel("table", "Firing and pending alerts",
                "Prometheus's ALERTS series: every alert now pending or firing, with its labels.", 0, y + 1, 24, 7,
                fieldConfig(null, null));
        ObjectNode t = target(table, "A", "ALERTS", "");
        t.put("range", false);
        t.put("instant", true);
        t.put("format", "table");
        ObjectNode opts = table.putObject("options");
        opts.put("showHeader", true);
        ObjectNode sortBy = opts.putArray("sortBy").addObject();
        sortBy.put("displayName", "severity");
        sortBy.put("desc", false);
        ObjectNode organize = table.putArray("transformations").addObject();
        organize.put("id", "organize");
        ObjectNode exclude = organize.putObject("options").putObject("excludeByName");
        exclude.put("Time", true);
        exclude.put("Value", true);
        exclude.put("__name__", true);
        tailerRow(y + 8);
        d.set("panels", panels);
        return JSON.writer().with(printer()).writeValueAsString(d) + "\n";
    }

    private void templating(ArrayNode list) {
        ObjectNode ds = list.addObject();
        ds.put("type", "datasource");
        ds.put("name", "datasource");
        ds.put("label", "Data source");
        ds.put("query", "prometheus");
        ds.putObject("current");
        ds.put("hide", 0);
        ds.put("refresh", 1);
        ds.put("regex", "");
        ds.putArray("options");
        queryVariable(list, "job", "Job (tailer --job)", "label_values({__name__=~\"" + s.namespace() + "_.+\"}, job)");
        queryVariable(list, "method", "Method",
                "label_values(" + s.metric("request_duration_seconds_count") + "{job=~\"$job\"}, method)");
        ObjectNode issues = list.addObject();
        issues.put("type", "textbox");
        issues.put("name", "issues_url");
        issues.put("label", "Issues page (tailer --listen)");
        issues.put("description", "Base URL of logtally's issues page: the tailer's --listen address. The error panels link to "
                + "its /issues?error_type=...");
        issues.put("query", s.issuesUrl());
        ObjectNode cur = issues.putObject("current");
        cur.put("text", s.issuesUrl());
        cur.put("value", s.issuesUrl());
        issues.put("hide", 0);
        ObjectNode opt = issues.putArray("options").addObject();
        opt.put("selected", true);
        opt.put("text", s.issuesUrl());
        opt.put("value", s.issuesUrl());
    }

    private void queryVariable(ArrayNode list, String name, String label, String query) {
        ObjectNode v = list.addObject();
        v.put("type", "query");
        v.put("name", name);
        v.put("label", label);
        v.set("datasource", datasource());
        v.put("definition", query);
        ObjectNode q = v.putObject("query");
        q.put("query", query);
        q.put("refId", name);
        q.put("qryType", 1);
        v.put("refresh", 2);
        v.put("includeAll", true);
        v.put("multi", true);
        v.put("allValue", ".*");
        ObjectNode cur = v.putObject("current");
        cur.put("selected", true);
        cur.putArray("text").add("All");
        cur.putArray("value").add("$__all");
        v.put("sort", 1);
        v.put("hide", 0);
        v.putArray("options");
        v.put("regex", "");
    }

    private void errorsRow() {
        String errors = s.metric("errors_total") + "{job=~\"$job\"}";
        String requests = s.metric("request_duration_seconds_count") + "{job=~\"$job\"}";
        row("Errors", 0);
        stat("Error rate", "Errors as a share of requests (request-duration _count), all selected jobs. HighErrorRate fires above "
                        + Num.plain(s.errorRatioMax() * 100) + "%.", 0, s.errorRatioMax(), "percentunit",
                "sum(rate(" + errors + "[$__rate_interval])) / sum(rate(" + requests + "[$__rate_interval]))", "error rate");
        stat("Errors per second", "Every ERROR event counted by logtally. CriticalErrorBurst fires above "
                + Num.plain(s.errorBurstMax()) + "/s.", 6, s.errorBurstMax(), "reqps",
                "sum(rate(" + errors + "[$__rate_interval]))", "errors/s");
        stat("Requests per second", "Timed events (request-duration histogram _count).", 12, null, "reqps",
                "sum(rate(" + requests + "[$__rate_interval]))", "requests/s");
        stat("Firing alerts", "Alerts firing now, by severity (Prometheus's ALERTS series).", 18, 1.0, null,
                "count by (severity) (ALERTS{alertstate=\"firing\"})", "{{severity}}");

        ObjectNode byService = panel("timeseries", "Error rate by service",
                "Share of requests that failed, per job and service (the log line's service field).", 0, 5, 12, 8,
                fieldConfig(s.errorRatioMax(), "percentunit"));
        thresholdLine(byService);
        target(byService, "A", "sum by (job, service) (rate(" + errors + "[$__rate_interval])) / on (job) group_left () "
                + "sum by (job) (rate(" + requests + "[$__rate_interval]))", "{{service}} ({{job}})");

        ObjectNode byType = panel("timeseries", "Errors by type",
                "Errors per second by error_type (the event's error_type field, else the exception's class, else unknown). "
                        + "Click a series for its error groups on the issues page.", 12, 5, 12, 8, fieldConfig(null, "reqps"));
        ObjectNode custom = ((ObjectNode) byType.path("fieldConfig").path("defaults")).putObject("custom");
        custom.putObject("stacking").put("mode", "normal");
        custom.put("fillOpacity", 30);
        ObjectNode link = ((ObjectNode) byType.path("fieldConfig").path("defaults")).putArray("links").addObject();
        link.put("title", "Error groups of ${__field.labels.error_type} (issues page)");
        link.put("url", ISSUES_LINK);
        link.put("targetBlank", true);
        target(byType, "A", "sum by (error_type) (rate(" + errors + "[$__rate_interval]))", "{{error_type}}");

        ObjectNode z = panel("timeseries", "Error rate against its baseline (z-score)",
                "Standard deviations between the current error rate and its average of the last day (recording rule "
                        + RuleRenderer.recorded(s, "job_service", "errors:zscore1d") + "). ErrorRateAnomaly fires above 3.",
                0, 13, 16, 6, fieldConfig(3.0, null));
        thresholdLine(z);
        target(z, "A", RuleRenderer.recorded(s, "job_service", "errors:zscore1d") + "{job=~\"$job\"}", "{{service}} ({{job}})");

        ObjectNode text = F.objectNode();
        text.put("type", "text");
        text.put("id", ++id);
        text.put("title", "Error groups");
        text.put("description", "Where the Sentry-style error groups (stack traces, first and last seen, releases) live.");
        text.set("gridPos", grid(16, 13, 8, 6));
        ObjectNode o = text.putObject("options");
        o.put("mode", "markdown");
        o.put("content", "Error groups (fingerprint = error_type + stack) with stack traces, counts and releases:\n\n"
                + "- the tailer's issues page: [${issues_url}/issues](${issues_url}/issues); one type: "
                + "`/issues?error_type=TYPE`, one group: `/issues/FINGERPRINT`; click a series of *Errors by type*\n"
                + "- over the log files: `logtally errors /var/log/" + s.service() + " --since 1h`\n"
                + "- new and regressed groups reach Alertmanager as NewErrorGroup, ErrorGroupRegressed, ErrorGroupEscalating\n");
        panels.add(text);
    }

    private void latencyRow() {
        String buckets = s.metric("request_duration_seconds_bucket") + "{job=~\"$job\",method=~\"$method\"}";
        row("Latency", 19);
        String objectives = s.latency().stream().map(o -> (o.method() == null ? "others " : o.method() + " ")
                + Num.plain(o.seconds()) + "s").reduce((a, b) -> a + ", " + b).orElse("");
        ObjectNode lat = panel("timeseries", "Latency per method: p50, p95, p99",
                "Quantiles from the request-duration histogram. SlowResponses fires when p95 stays above the objective ("
                        + objectives + ").", 0, 20, 16, 9, fieldConfig(null, "s"));
        String[] q = {"0.50", "0.95", "0.99"};
        for (int i = 0; i < 3; i++) {
            target(lat, String.valueOf((char) ('A' + i)), "histogram_quantile(" + q[i] + ", sum by (method, le) (rate("
                    + buckets + "[$__rate_interval])))", "p" + q[i].substring(2) + " {{method}}");
        }
        ObjectNode req = panel("timeseries", "Requests per method", "Timed events per second, by method.", 16, 20, 8, 9,
                fieldConfig(null, "reqps"));
        target(req, "A", "sum by (method) (rate(" + s.metric("request_duration_seconds_count")
                + "{job=~\"$job\",method=~\"$method\"}[$__rate_interval]))", "{{method}}");
    }

    private int gaugesRow(int y) {
        row("Service", y);
        int x = 0;
        int top = y + 1;
        for (String g : s.gauges()) {
            if (g.equals(s.memoryGauge())) {
                continue;
            }
            List<MonitoringSettings.GaugeAlert> alerts = s.gaugeAlerts().stream().filter(a -> a.gauge().equals(g)).toList();
            StringBuilder desc = new StringBuilder("Last value of " + g + " logged by each instance.");
            alerts.forEach(a -> desc.append(' ').append(a.name()).append(" fires ").append(a.above() ? "above " : "below ")
                    .append(Num.plain(a.threshold())).append('.'));
            Double threshold = alerts.isEmpty() ? null : alerts.get(0).threshold();
            ObjectNode p = panel("timeseries", title(g), desc.toString(), x, top, 8, 8, fieldConfig(threshold, null));
            if (threshold != null) {
                thresholdLine(p);
            }
            target(p, "A", "max by (job, instance) (" + s.metric(g) + "{job=~\"$job\"})", "{{instance}}");
            x += 8;
            if (x == 24) {
                x = 0;
                top += 8;
            }
        }
        if (x != 0) {
            top += 8;
        }
        if (s.memoryGauge() != null) {
            String mem = s.metric(s.memoryGauge()) + "{job=~\"$job\"}";
            ObjectNode p = panel("timeseries", "Memory used, and where the last hour leads", "Memory used per instance ("
                    + s.memoryGauge() + "), and its linear projection 4 hours ahead from the last hour (MemoryGrowth fires when "
                    + "the projection stays 25% above the current value).", 0, top, 24, 8, fieldConfig(null, "bytes"));
            target(p, "A", mem, "{{instance}}");
            target(p, "B", "predict_linear(" + mem + "[1h], 4 * 3600)", "{{instance}} in 4h");
            top += 8;
        }
        return top;
    }

    /** {@code message_queue_size} → {@code Message queue size}. */
    static String title(String gauge) {
        String t = gauge.replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private void tailerRow(int y) {
        row("logtally (the tailer)", y);
        String job = "{job=~\"$job\"}";
        ObjectNode age = panel("timeseries", "Time since the last successful push",
                "Per push group of logtally (job, instance), from the Pushgateway's push_time_seconds. TailerNotPushing fires above "
                        + Num.plain(s.pushAgeMax()) + "s.", 0, y + 1, 8, 8, fieldConfig(s.pushAgeMax(), "s"));
        thresholdLine(age);
        target(age, "A", "time() - (push_time_seconds" + job
                + " and on (job, instance) group by (job, instance) ({__name__=~\"logtally_.+\"}))", "{{job}} {{instance}}");
        ObjectNode pushes = panel("timeseries", "Pushes and push failures",
                "Per second. A failure is retried; the next successful push carries the full totals.", 8, y + 1, 8, 8,
                fieldConfig(null, "reqps"));
        target(pushes, "A", "sum by (job, instance) (rate(logtally_pushes_total" + job + "[$__rate_interval]))", "pushes {{instance}}");
        target(pushes, "B", "sum by (job, instance) (rate(logtally_push_failures_total" + job + "[$__rate_interval]))",
                "failures {{instance}}");
        ObjectNode lag = panel("timeseries", "Lag behind the logs", "Seconds behind the newest line while catching up (0 when "
                + "caught up). TailerLagging fires above " + Num.plain(s.lagMax()) + "s.", 16, y + 1, 8, 8, fieldConfig(s.lagMax(), "s"));
        thresholdLine(lag);
        target(lag, "A", "max by (job, instance) (logtally_lag_seconds" + job + ")", "{{instance}}");
        ObjectNode lines = panel("timeseries", "Lines read", "Complete log lines read per second (skipped ones included).",
                0, y + 9, 8, 8, fieldConfig(null, "reqps"));
        target(lines, "A", "sum by (job, instance) (rate(logtally_lines_total" + job + "[$__rate_interval]))", "{{instance}}");
        ObjectNode parse = panel("timeseries", "Parse errors by reason",
                "Lines or values logtally skipped, per second, by reason (malformed, invalid_utf8, oversized, ...).", 8, y + 9, 8, 8,
                fieldConfig(null, "reqps"));
        target(parse, "A", "sum by (reason) (rate(logtally_parse_errors_total" + job + "[$__rate_interval]))", "{{reason}}");
        ObjectNode dropped = panel("timeseries", "Series dropped by the cardinality guard",
                "Events per second whose label value was folded into \"other\", by metric and label.", 16, y + 9, 8, 8,
                fieldConfig(null, "reqps"));
        target(dropped, "A", "sum by (metric, label) (rate(logtally_series_dropped_total" + job + "[$__rate_interval]))",
                "{{metric}} {{label}}");
    }

    private void row(String title, int y) {
        ObjectNode r = panels.addObject();
        r.put("type", "row");
        r.put("id", ++id);
        r.put("title", title);
        r.put("collapsed", false);
        r.set("gridPos", grid(0, y, 24, 1));
        r.putArray("panels");
    }

    private void stat(String title, String description, int x, Double red, String unit, String expr, String legend) {
        ObjectNode p = panel("stat", title, description, x, 1, 6, 4, fieldConfig(red, unit));
        target(p, "A", expr, legend);
        ObjectNode o = p.putObject("options");
        ObjectNode reduce = o.putObject("reduceOptions");
        reduce.putArray("calcs").add("lastNotNull");
        reduce.put("fields", "");
        reduce.put("values", false);
        o.put("colorMode", "background");
        o.put("graphMode", "area");
        o.put("textMode", "auto");
    }

    private ObjectNode panel(String type, String title, String description, int x, int y, int w, int h, ObjectNode fieldConfig) {
        ObjectNode p = panels.addObject();
        p.put("type", type);
        p.put("id", ++id);
        p.put("title", title);
        p.put("description", description);
        p.set("datasource", datasource());
        p.set("gridPos", grid(x, y, w, h));
        p.set("fieldConfig", fieldConfig);
        p.putArray("targets");
        return p;
    }

    private static ObjectNode target(ObjectNode panel, String refId, String expr, String legend) {
        ObjectNode t = ((ArrayNode) panel.path("targets")).addObject();
        t.set("datasource", datasource());
        t.put("refId", refId);
        t.put("expr", expr);
        t.put("legendFormat", legend);
        t.put("range", true);
        t.put("instant", false);
        return t;
    }

    private static ObjectNode fieldConfig(Double red, String unit) {
        ObjectNode fc = F.objectNode();
        ObjectNode defaults = fc.putObject("defaults");
        ObjectNode th = defaults.putObject("thresholds");
        th.put("mode", "absolute");
        ArrayNode steps = th.putArray("steps");
        ObjectNode green = steps.addObject();
        green.put("color", "green");
        green.putNull("value");
        if (red != null) {
            ObjectNode r = steps.addObject();
            r.put("color", "red");
            if (red == Math.rint(red) && Math.abs(red) < 1e15) {
                r.put("value", (long) (double) red);
            } else {
                r.put("value", red);
            }
        }
        if (unit != null) {
            defaults.put("unit", unit);
        }
        fc.putArray("overrides");
        return fc;
    }

    private static void thresholdLine(ObjectNode panel) {
        ((ObjectNode) panel.path("fieldConfig").path("defaults")).putObject("custom").putObject("thresholdsStyle").put("mode", "line");
    }

    private static ObjectNode datasource() {
        ObjectNode ds = F.objectNode();
        ds.put("type", "prometheus");
        ds.put("uid", "${datasource}");
        return ds;
    }

    private static ObjectNode grid(int x, int y, int w, int h) {
        ObjectNode g = F.objectNode();
        g.put("x", x);
        g.put("y", y);
        g.put("w", w);
        g.put("h", h);
        return g;
    }

    private static DefaultPrettyPrinter printer() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("").withObjectEmptySeparator(""));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        p.indentArraysWith(indenter);
        p.indentObjectsWith(indenter);
        return p;
    }
}
