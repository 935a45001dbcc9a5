package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AggregatorOptionsTest {

    private static void fails(String key, String message, Supplier<AggregatorOptions> build) {
        ConfigException e = assertThrows(ConfigException.class, build::get);
        assertEquals(key, e.key());
        assertEquals(key + ": " + message, e.getMessage());
    }

    private static AggregatorOptions with(String ns, double[] buckets, int limit, List<String> levels, List<String> gauges) {
        return new AggregatorOptions(ns, buckets, limit, levels, gauges);
    }

    @Test
    void defaultsAreTheDesignsDefaults() {
        AggregatorOptions o = AggregatorOptions.defaults("loka_stratum");
        assertEquals("loka_stratum", o.namespace());
        assertArrayEquals(new double[] {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}, o.buckets());
        assertEquals(100, o.labelsMaxValues());
        assertEquals(List.of("ERROR"), o.errorLevels());
        assertEquals(List.of(), o.gauges());
        assertEquals("loka_stratum_errors_total", o.errorsName());
        assertEquals("loka_stratum_request_duration_seconds", o.durationName());
    }

    @Test
    void levelsAreUpperCasedAndDeduplicated_gaugesKeepTheirOrder() {
        AggregatorOptions o = with("app", new double[] {1}, 1, List.of("error", "Warn", "ERROR"), List.of("z_q", "a1"));
        assertEquals(List.of("ERROR", "WARN"), o.errorLevels());
        assertEquals(List.of("z_q", "a1"), o.gauges());
        assertEquals("app_z_q", o.gaugeName(0));
        assertEquals("app_a1", o.gaugeName(1));
    }

    @Test
    void bucketsAreCopiedBothWays() {
        double[] b = {0.1, 1};
        AggregatorOptions o = with("app", b, 1, List.of("ERROR"), List.of());
        b[0] = 5;
        o.buckets()[1] = 7;
        assertArrayEquals(new double[] {0.1, 1}, o.buckets());
        assertEquals(AggregatorOptions.defaults("app").withBuckets(new double[] {0.1, 1}).withLabelsMaxValues(1), o);
    }

    @Test
    void namespaceMustBeAMetricNamePrefix() {
        double[] b = {1};
        fails("namespace", "must not be empty", () -> with("", b, 1, List.of("ERROR"), List.of()));
        fails("namespace", "must not be empty", () -> with(null, b, 1, List.of("ERROR"), List.of()));
        String rule = " is not a valid metric name prefix (letters, digits and '_', not starting with a digit or '__')";
        fails("namespace", "'9app'" + rule, () -> with("9app", b, 1, List.of("ERROR"), List.of()));
        fails("namespace", "'my-app'" + rule, () -> with("my-app", b, 1, List.of("ERROR"), List.of()));
        fails("namespace", "'a:b'" + rule, () -> with("a:b", b, 1, List.of("ERROR"), List.of()));
        fails("namespace", "'__x'" + rule, () -> with("__x", b, 1, List.of("ERROR"), List.of()));
        assertEquals("_x9", with("_x9", b, 1, List.of("ERROR"), List.of()).namespace());
    }

    @Test
    void bucketsMustBeFiniteStrictlyAscendingAndNonEmpty() {
        fails("buckets", "must list at least one bound", () -> with("app", new double[0], 1, List.of("ERROR"), List.of()));
        fails("buckets", "must list at least one bound", () -> with("app", null, 1, List.of("ERROR"), List.of()));
        fails("buckets", "'+Inf' is not finite (+Inf is always added)",
                () -> with("app", new double[] {1, Double.POSITIVE_INFINITY}, 1, List.of("ERROR"), List.of()));
        fails("buckets", "'-Inf' is not finite (+Inf is always added)",
                () -> with("app", new double[] {Double.NEGATIVE_INFINITY, 1}, 1, List.of("ERROR"), List.of()));
        fails("buckets", "'NaN' is not finite (+Inf is always added)",
                () -> with("app", new double[] {Double.NaN}, 1, List.of("ERROR"), List.of()));
        fails("buckets", "bounds must be strictly ascending: 1 then 0.5",
                () -> with("app", new double[] {1, 0.5}, 1, List.of("ERROR"), List.of()));
        fails("buckets", "bounds must be strictly ascending: 0.25 then 0.25",
                () -> with("app", new double[] {0.25, 0.25}, 1, List.of("ERROR"), List.of()));
    }

    @Test
    void limitMustBeBetweenOneAndAHundredThousand() {
        fails("labels.max.values", "0 is outside 1..100000",
                () -> with("app", new double[] {1}, 0, List.of("ERROR"), List.of()));
        fails("labels.max.values", "100001 is outside 1..100000",
                () -> with("app", new double[] {1}, 100_001, List.of("ERROR"), List.of()));
        assertEquals(100_000, with("app", new double[] {1}, 100_000, List.of("ERROR"), List.of()).labelsMaxValues());
    }

    @Test
    void errorLevelsMustBeLogbackLevels() {
        String rule = " is not a level (TRACE, DEBUG, INFO, WARN, ERROR)";
        fails("error.levels", "must list at least one level", () -> with("app", new double[] {1}, 1, List.of(), List.of()));
        fails("error.levels", "must list at least one level", () -> with("app", new double[] {1}, 1, null, List.of()));
        fails("error.levels", "' '" + rule, () -> with("app", new double[] {1}, 1, List.of(" "), List.of()));
        fails("error.levels", "'ERROR WARN'" + rule, () -> with("app", new double[] {1}, 1, List.of("ERROR WARN"), List.of()));
        fails("error.levels", "'FATAL'" + rule, () -> with("app", new double[] {1}, 1, List.of("ERROR", "FATAL"), List.of()));
        fails("error.levels", "'null'" + rule, () -> with("app", new double[] {1}, 1, java.util.Arrays.asList("ERROR", null), List.of()));
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
                with("app", new double[] {1}, 1, List.of("trace", "debug", "info", "warn", "error"), List.of()).errorLevels());
    }

    @Test
    void gaugesMustBeNamePartsThatClashWithNothing() {
        double[] b = {1};
        String rule = " is not a valid metric name part (letters, digits and '_', not starting with a digit)";
        fails("gauges", "'queue.depth'" + rule, () -> with("app", b, 1, List.of("ERROR"), List.of("queue.depth")));
        fails("gauges", "''" + rule, () -> with("app", b, 1, List.of("ERROR"), List.of("")));
        fails("gauges", "'2xx_rate'" + rule, () -> with("app", b, 1, List.of("ERROR"), List.of("2xx_rate")));
        fails("gauges", "'q' is listed twice", () -> with("app", b, 1, List.of("ERROR"), List.of("q", "q")));
        fails("gauges", "'errors_total' would be exported as app_errors_total, which is already one of logtally's metrics",
                () -> with("app", b, 1, List.of("ERROR"), List.of("errors_total")));
        fails("gauges", "'request_duration_seconds_bucket' would be exported as app_request_duration_seconds_bucket,"
                        + " which is already one of logtally's metrics",
                () -> with("app", b, 1, List.of("ERROR"), List.of("request_duration_seconds_bucket")));
        fails("gauges", "'lines_total' would be exported as logtally_lines_total, which is already one of logtally's metrics",
                () -> with("logtally", b, 1, List.of("ERROR"), List.of("lines_total")));
        assertEquals(List.of("rate_2xx", "_q"), with("app", b, 1, List.of("ERROR"), List.of("rate_2xx", "_q")).gauges());
    }
}
