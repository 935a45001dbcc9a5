package dev.logtally.export;

import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.Series;
import java.io.IOException;

/**
 * Renders a {@link MetricSnapshot} in the Prometheus text exposition format 0.0.4, byte-stable: the same
 * snapshot always gives the same bytes (families in snapshot order, i.e. by name; series by label values).
 *
 * <p>Per family: {@code # HELP} (left out when the family has no help), {@code # TYPE}, then the samples.
 * Histograms become cumulative {@code _bucket{le="..."}} lines ending in {@code le="+Inf"}, then
 * {@code _sum} (seconds) and {@code _count}. Numbers and {@code le} bounds are written as the Go client
 * writes them ({@link GoFloat}: {@code 1}, {@code 0.005}, {@code 1e-05}, {@code 2e+06}, {@code +Inf},
 * {@code NaN}). No {@code _created} series, no timestamps. Families without series are left out (an empty
 * family says nothing and some parsers reject it).
 *
 * <pre>{@code
 * String body = TextFormat.render(snapshot);
 * // # HELP app_errors_total Errors by type.
 * // # TYPE app_errors_total counter
 * // app_errors_total{error_type="timeout",service="api"} 3
 * }</pre>
 */
public final class TextFormat {
    /** The {@code Content-Type} of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private TextFormat() {
    }

    /** The snapshot as text. */
    public static String render(MetricSnapshot snapshot) {
        StringBuilder out = new StringBuilder(4096);
        for (MetricFamily family : snapshot.families()) {
            appendFamily(out, family);
        }
        return out.toString();
    }

    /** Writes the snapshot as text to {@code out}. */
    public static void write(MetricSnapshot snapshot, Appendable out) throws IOException {
        out.append(render(snapshot));
    }

    private static void appendFamily(StringBuilder out, MetricFamily family) {
        if (family.series().isEmpty()) {
            return;
        }
        String name = family.name();
        if (family.help() != null && !family.help().isEmpty()) {
            out.append("# HELP ").append(name).append(' ');
            Escape.help(out, family.help(), false);
            out.append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(family.type().text()).append('\n');
        String[] le = Samples.bounds(family);
        for (Series series : family.series()) {
            Samples.write(out, family, name, le, series, null);
        }
    }
}
