package dev.logtally.aggregate;

import dev.logtally.base.ConfigException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link Aggregator} counts, validated once at start-up so that the per-event path never checks
 * anything: the metric namespace, the histogram buckets, the cardinality limit, the levels that count as
 * errors and the gauge fields. This record is the one place these settings are checked (the
 * configuration loader only parses text into the types here): an invalid value throws
 * {@link ConfigException} naming the configuration key of docs/DESIGN.md ({@code namespace},
 * {@code buckets}, {@code labels.max.values}, {@code error.levels}, {@code gauges}) and the bad value.
 *
 * <pre>{@code
 * AggregatorOptions options = new AggregatorOptions("loka_stratum", AggregatorOptions.defaultBuckets(),
 *         100, List.of("ERROR"), List.of("queue_depth"));
 * options.errorsName();   // "loka_stratum_errors_total"
 * options.gaugeName(0);   // "loka_stratum_queue_depth"
 * }</pre>
 *
 * @param namespace       metric name prefix; the metrics are {@code <namespace>_errors_total} etc.
 * @param buckets         histogram upper bounds in seconds, finite and strictly ascending ({@code +Inf} implied)
 * @param labelsMaxValues distinct values kept per label before further ones are counted under {@code other}
 * @param errorLevels     levels counted in {@code <namespace>_errors_total}, upper case, no duplicates
 * @param gauges          numeric fields exported as {@code <namespace>_<field>} gauges, in configuration order
 *                        (the order of {@code Event.gauges()})
 * @param extraLabels     log fields added as labels to {@code <namespace>_errors_total} and
 *                        {@code <namespace>_request_duration_seconds} ({@code labels.extra}), in configuration
 *                        order (the order of {@code Event.labels()}); each is the label's name; empty by default
 */
public record AggregatorOptions(String namespace, double[] buckets, int labelsMaxValues,
                                List<String> errorLevels, List<String> gauges, List<String> extraLabels) {

    /** Without extra labels: today's series. */
    public AggregatorOptions(String namespace, double[] buckets, int labelsMaxValues,
                             List<String> errorLevels, List<String> gauges) {
        this(namespace, buckets, labelsMaxValues, errorLevels, gauges, List.of());
    }

    /** The contract's default buckets (seconds). */
    public static final List<Double> DEFAULT_BUCKETS_LIST =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    public static final String DEFAULT_NAMESPACE = "app";
    public static final int DEFAULT_LABELS_MAX_VALUES = 100;
    public static final List<String> DEFAULT_ERROR_LEVELS = List.of("ERROR");
    /** The largest cardinality limit {@code labels.max.values} accepts. */
    public static final int MAX_LABELS_MAX_VALUES = 100_000;
    /** The levels {@code error.levels} may name: Logback's five, the contract's {@code TRACE..ERROR}. */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public AggregatorOptions {
        checkNamespace(namespace);
        buckets = checkBuckets(buckets);
        labelsMaxValues = checkLabelsMaxValues(labelsMaxValues);
        errorLevels = checkLevels(errorLevels);
        gauges = checkGauges(namespace, gauges);
        extraLabels = checkExtraLabels(extraLabels);
    }

    /** The contract's default buckets (seconds), as a new array. */
    public static double[] defaultBuckets() {
        return DEFAULT_BUCKETS_LIST.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The defaults of docs/DESIGN.md under {@code namespace}, without gauges. */
    public static AggregatorOptions defaults(String namespace) {
        return new AggregatorOptions(namespace, defaultBuckets(), DEFAULT_LABELS_MAX_VALUES,
                DEFAULT_ERROR_LEVELS, List.of());
    }

    /** A copy with other gauges. */
    public AggregatorOptions withGauges(List<String> newGauges) {
        return new AggregatorOptions(namespace, buckets, labelsMaxValues, errorLevels, newGauges, extraLabels);
    }

    /** A copy with another cardinality limit. */
    public AggregatorOptions withLabelsMaxValues(int limit) {
        return new AggregatorOptions(namespace, buckets, limit, errorLevels, gauges, extraLabels);
    }

    /** A copy with other buckets. */
    public AggregatorOptions withBuckets(double[] newBuckets) {
        return new AggregatorOptions(namespace, newBuckets, labelsMaxValues, errorLevels, gauges, extraLabels);
    }

    /** A copy with other error levels. */
    public AggregatorOptions withErrorLevels(List<String> levels) {
        return new AggregatorOptions(namespace, buckets, labelsMaxValues, levels, gauges, extraLabels);
    }

    /** A copy with other extra labels ({@code labels.extra}). */
    public AggregatorOptions withExtraLabels(List<String> labels) {
        return new AggregatorOptions(namespace, buckets, labelsMaxValues, errorLevels, gauges, labels);
    }

    @Override
    public double[] buckets() {
        return buckets.clone();
    }

    /** {@code <namespace>_errors_total}. */
    public String errorsName() {
        return namespace + "_errors_total";
    }

    /** {@code <namespace>_request_duration_seconds}. */
    public String durationName() {
        return namespace + "_request_duration_seconds";
    }

    /** {@code <namespace>_<gauge i>}. */
    public String gaugeName(int i) {
        return namespace + "_" + gauges.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregatorOptions a && namespace.equals(a.namespace)
                && Arrays.equals(buckets, a.buckets) && labelsMaxValues == a.labelsMaxValues
                && errorLevels.equals(a.errorLevels) && gauges.equals(a.gauges)
                && extraLabels.equals(a.extraLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, Arrays.hashCode(buckets), labelsMaxValues, errorLevels, gauges, extraLabels);
    }

    @Override
    public String toString() {
        return "AggregatorOptions[namespace=" + namespace + ", buckets=" + Arrays.toString(buckets)
                + ", labelsMaxValues=" + labelsMaxValues + ", errorLevels=" + errorLevels + ", gauges=" + gauges
                + (extraLabels.isEmpty() ? "" : ", extraLabels=" + extraLabels) + "]";
    }

    /**
     * A bucket bound as the configuration writes it: {@code 1} rather than {@code 1.0}, {@code +Inf}
     * rather than {@code Infinity}.
     */
    public static String formatBound(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void checkNamespace(String ns) {
        if (ns == null || ns.isEmpty()) {
            throw new ConfigException("namespace", "must not be empty");
        }
        if (!isMetricName(ns) || ns.startsWith("__")) {
            throw new ConfigException("namespace", "'" + ns + "' is not a valid metric name prefix"
                    + " (letters, digits and '_', not starting with a digit or '__')");
        }
    }

    private static double[] checkBuckets(double[] bounds) {
        if (bounds == null || bounds.length == 0) {
            throw new ConfigException("buckets", "must list at least one bound");
        }
        double[] b = bounds.clone();
        for (int i = 0; i < b.length; i++) {
            if (!Double.isFinite(b[i])) {
                throw new ConfigException("buckets", "'" + formatBound(b[i]) + "' is not finite (+Inf is always added)");
            }
            if (i > 0 && !(b[i] > b[i - 1])) {
                throw new ConfigException("buckets", "bounds must be strictly ascending: " + formatBound(b[i - 1])
                        + " then " + formatBound(b[i]));
            }
        }
        return b;
    }

    private static int checkLabelsMaxValues(int limit) {
        if (limit < 1 || limit > MAX_LABELS_MAX_VALUES) {
            throw new ConfigException("labels.max.values", limit + " is outside 1.." + MAX_LABELS_MAX_VALUES);
        }
        return limit;
    }

    private static List<String> checkLevels(List<String> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new ConfigException("error.levels", "must list at least one level");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String level : levels) {
            String upper = level == null ? null : level.toUpperCase(Locale.ROOT);
            if (upper == null || !LEVELS.contains(upper)) {
                throw new ConfigException("error.levels", "'" + level + "' is not a level (" + String.join(", ", LEVELS) + ")");
            }
            out.add(upper);
        }
        return List.copyOf(out);
    }

    private static List<String> checkGauges(String ns, List<String> gauges) {
        if (gauges == null) {
            return List.of();
        }
        Set<String> taken = new HashSet<>();
        for (String base : List.of(ns + "_errors_total", ns + "_request_duration_seconds")) {
            for (String suffix : List.of("", "_bucket", "_sum", "_count", "_created")) {
                taken.add(base + suffix);
            }
        }
        taken.addAll(SelfMetrics.FAMILY_NAMES);
        Set<String> seen = new LinkedHashSet<>();
        for (String g : gauges) {
            if (g == null || !isMetricName(g)) {
                throw new ConfigException("gauges", "'" + g + "' is not a valid metric name part"
                        + " (letters, digits and '_', not starting with a digit)");
            }
            if (!seen.add(g)) {
                throw new ConfigException("gauges", "'" + g + "' is listed twice");
            }
            String full = ns + "_" + g;
            if (taken.contains(full)) {
                throw new ConfigException("gauges", "'" + g + "' would be exported as " + full
                        + ", which is already one of logtally's metrics");
            }
        }
        return List.copyOf(seen);
    }

    /** The labels the metrics have already, and {@code le} of the histogram's buckets. */
    static final List<String> TAKEN_LABELS = List.of("error_type", "service", "method", "le");

    private static List<String> checkExtraLabels(List<String> labels) {
        if (labels == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String l : labels) {
            if (l == null || !isMetricName(l) || l.startsWith("__")) {
                throw new ConfigException("labels.extra", "'" + l + "' is not a valid label name"
                        + " (letters, digits and '_', not starting with a digit or '__')");
            }
            if (TAKEN_LABELS.contains(l)) {
                throw new ConfigException("labels.extra", "'" + l + "' is already a label of logtally's metrics");
            }
            if (!seen.add(l)) {
                throw new ConfigException("labels.extra", "'" + l + "' is listed twice");
            }
        }
        return List.copyOf(seen);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, checked without a regex. */
    private static boolean isMetricName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
