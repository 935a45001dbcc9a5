package dev.logtally.remotewrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL HTTP API that Prometheus and VictoriaMetrics share ({@code /api/v1/query}), as the remote-write
 * tests read it: instant vectors keyed like {@code PromText} keys a scrape ({@code name{a="x",b="y"}}, labels
 * sorted, some left out), and the raw samples of a range selector.
 *
 * <pre>{@code
 * StoreQueries vm = new StoreQueries(victoria.url(), "VictoriaMetrics");
 * Map<String, Double> now = vm.instant("{instance=\"it\"}", Set.of("job", "instance"));
 * }</pre>
 */
final class StoreQueries {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;
    private final String name;

    StoreQueries(String base, String name) {
        this.base = base;
        this.name = name;
    }

    /** An instant query at the store's now; keys without the labels in {@code dropped}. */
    Map<String, Double> instant(String promql, Set<String> dropped) {
        return vector(query(promql, null), dropped);
    }

    /** An instant query at {@code epochSeconds}. */
    Map<String, Double> instantAt(String promql, double epochSeconds, Set<String> dropped) {
        return vector(query(promql, epochSeconds), dropped);
    }

    /** The raw samples of a range selector ({@code metric[1h]}) by series key (all labels), oldest first. */
    Map<String, List<Double>> raw(String rangeSelector) {
        Map<String, List<Double>> out = new TreeMap<>();
        for (JsonNode series : query(rangeSelector, null)) {
            List<Double> values = new ArrayList<>();
            for (JsonNode v : series.path("values")) {
                values.add(Double.parseDouble(v.get(1).asString()));
            }
            out.put(key(series.path("metric"), Set.of()), values);
        }
        return out;
    }

    private static Map<String, Double> vector(JsonNode result, Set<String> dropped) {
        Map<String, Double> out = new TreeMap<>();
        for (JsonNode series : result) {
            out.put(key(series.path("metric"), dropped), Double.parseDouble(series.path("value").get(1).asString()));
        }
        return out;
    }

    private static String key(JsonNode metric, Set<String> dropped) {
        Map<String, String> labels = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = metric.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asString());
        }
        String metricName = labels.remove("__name__");
        StringBuilder sb = new StringBuilder(metricName == null ? "" : metricName);
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> {
            if (!dropped.contains(k)) {
                parts.add(k + "=\"" + v + "\"");
            }
        });
        if (!parts.isEmpty()) {
            sb.append('{').append(String.join(",", parts)).append('}');
        }
        return sb.toString();
    }

    private JsonNode query(String promql, Double time) {
        String path = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200 || !body.path("status").asString().equals("success")) {
                throw new AssertionError(name + " refused " + promql + ": " + r.statusCode() + " " + r.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(name + " query " + promql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Fails naming the series whose raw samples ever go down (counters, buckets, counts, sums). */
    static void assertNeverDecreases(String store, Map<String, List<Double>> raw) {
        int checked = 0;
        for (Map.Entry<String, List<Double>> e : raw.entrySet()) {
            List<Double> v = e.getValue();
            for (int i = 1; i < v.size(); i++) {
                if (v.get(i) < v.get(i - 1)) {
                    throw new AssertionError(store + ": " + e.getKey() + " went down from " + v.get(i - 1) + " to " + v.get(i)
                            + " at sample " + i + " of " + v.size());
                }
            }
            checked += v.size();
        }
        if (raw.isEmpty() || checked < raw.size() * 2) {
            throw new AssertionError(store + ": too few raw samples to check (" + checked + " in " + raw.size() + " series)");
        }
    }
}
