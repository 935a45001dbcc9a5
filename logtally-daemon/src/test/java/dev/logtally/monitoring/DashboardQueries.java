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
