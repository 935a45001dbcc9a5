package dev.logtally.cli;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import java.util.Locale;

/**
 * The live terminal summary of {@code logtally demo}: errors by type, latency p50/p95/p99 per method,
 * gauges, and lines per second, rendered from one {@link MetricSnapshot} of what the tailer counted.
 */
final class DemoSummary {
    private final String namespace;

    DemoSummary(String namespace) {
        this.namespace = namespace;
    }

    /** The summary as text; {@code linesPerSecond} is measured by the caller between two snapshots. */
    String render(MetricSnapshot s, double linesPerSecond, String metricsUrl) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "logtally demo — tailing the sample Stratum proxy; /metrics at %s%n", metricsUrl));
        out.append(String.format(Locale.ROOT, "lines read %,d  (%,.0f lines/s)   parse errors %,d%n%n",
                (long) value(s, "logtally_lines_total"), linesPerSecond, (long) sum(s, "logtally_parse_errors_total")));
        out.append("errors by type                      count\n");
        s.family(namespace + "_errors_total").ifPresent(f -> {
            for (Series e : f.series()) {
                out.append(String.format(Locale.ROOT, "  %-24s %-8s %,8d%n", e.labelValues().get(0),
                        e.labelValues().get(1), (long) e.value()));
            }
        });
        out.append(String.format(Locale.ROOT, "%nlatency per method           count      p50      p95      p99%n"));
        s.family(namespace + "_request_duration_seconds").ifPresent(f -> {
            for (Series h : f.series()) {
                out.append(String.format(Locale.ROOT, "  %-22s %,8d %6.1fms %6.1fms %6.1fms%n", h.labelValues().get(0),
                        h.count(), 1000 * Quantiles.of(f, h, 0.50), 1000 * Quantiles.of(f, h, 0.95), 1000 * Quantiles.of(f, h, 0.99)));
            }
        });
        out.append(String.format(Locale.ROOT, "%ngauges%n"));
        for (MetricFamily f : s.families()) {
            if (f.type() == MetricType.GAUGE && f.name().startsWith(namespace + "_") && !f.series().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-30s %,.0f%n", f.name().substring(namespace.length() + 1),
                        f.series().get(0).value()));
            }
        }
        out.append(String.format(Locale.ROOT, "%nCtrl-C to stop.%n"));
        return out.toString();
    }

    static double value(MetricSnapshot s, String name) {
        return s.family(name).filter(f -> !f.series().isEmpty()).map(f -> f.series().get(0).value()).orElse(0.0);
    }

    static double sum(MetricSnapshot s, String name) {
        return s.family(name).map(f -> f.series().stream().mapToDouble(Series::value).sum()).orElse(0.0);
    }
}
