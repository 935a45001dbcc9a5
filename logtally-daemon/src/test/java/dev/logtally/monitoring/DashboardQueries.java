package dev.logtally.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL queries of a Grafana dashboard (every panel target's {@code expr}, rows included), and their
 * text once template variables are replaced the way Grafana replaces them, so tests can send them to a
 * real Prometheus.
 *
 * <pre>{@code
 * for (DashboardQueries.Query q : DashboardQueries.read(dashboard)) {
 *     String promql = DashboardQueries.substitute(q.expr(), Map.of("__rate_interval", "1m", "job", ".*"));
 * }
 * }</pre>
 */
final class DashboardQueries {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    private DashboardQueries() {
    }

    /** One panel target: the panel's title, the target's refId and its PromQL. */
    record Query(String panel, String refId, String expr) {
        @Override
        public String toString() {
            return "'" + panel + "' " + refId + ": " + expr;
        }
    }

    /** The dashboard's JSON. */
    static JsonNode json(Path dashboard) {
        try {
            return JSON.readTree(Files.readString(dashboard));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel that is not a row, nested panels of collapsed rows included, in order. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("type").asString().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Every target's query. */
    static List<Query> read(Path dashboard) {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(json(dashboard))) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Query(p.path("title").asString(), t.path("refId").asString(), t.path("expr").asString()));
            }
        }
        return out;
    }

    /**
     * Checks every query of {@code dashboard} with the real {@code promtool} (as recording rules, with
     * {@code DashboardTest.ALL} for the variables), and that every metric {@code metric} finds in them is one
     * of {@code known}; returns how many queries there are.
     */
    static int checkWithPromtool(Path dashboard, Path tmp, Pattern metric, java.util.Set<String> known) {
        List<Query> queries = read(dashboard);
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        for (int i = 0; i < queries.size(); i++) {
            String expr = substitute(queries.get(i).expr(), DashboardTest.ALL);
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: |\n          ")
                    .append(expr.replace("\n", "\n          ")).append('\n');
            Matcher m = metric.matcher(expr);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    unknown.add(queries.get(i) + " -> " + m.group(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError("metrics logtally does not produce: " + unknown);
        }
        try {
            Path file = Files.writeString(tmp.resolve("dashboard-queries.yml"), rules);
            ProgramRun.Result r = ProgramRun.run(java.time.Duration.ofSeconds(60), tmp, Map.of(),
                    dev.logtally.testing.RealProgram.requireProgram("promtool", "prometheus").toString(), "check", "rules",
                    file.toString());
            r.assertSuccess("promtool check rules on the dashboard's queries\n" + rules);
            if (!r.output().contains("SUCCESS: " + queries.size() + " rules found")) {
                throw new AssertionError(r.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries.size();
    }

    /**
     * {@code expr} with {@code $name} and {@code ${name}} replaced by {@code values.get(name)}; fails on a
     * variable that {@code values} does not know, so a query never reaches Prometheus half-substituted.
     */
    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new AssertionError("unknown template variable $" + name + " in " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
