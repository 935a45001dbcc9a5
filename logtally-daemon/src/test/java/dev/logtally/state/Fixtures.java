package dev.logtally.state;

import dev.logtally.aggregate.AlertTransition;
import dev.logtally.aggregate.ErrorGroupsState;
import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.Series;
import dev.logtally.source.FilePosition;
import java.util.List;

/** Fixed checkpoints for the state tests, with the values that are easy to get wrong. */
final class Fixtures {
    private Fixtures() {
    }

    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    static Checkpoint golden() {
        List<FilePosition> positions = List.of(
                new FilePosition("/var/log/app/app.log", "/var/log/app/app.log", "(dev=803,ino=1234)", 1_048_576, 1024,
                        "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef"),
                new FilePosition("/var/log/app/app.log", "/var/log/app/app.2026-11-24.0.log.gz", null, 0, 0, null));
        MetricSnapshot metrics = new MetricSnapshot(List.of(
                new MetricFamily("loka_stratum_errors_total", MetricType.COUNTER, "Error events, by error type and service.",
                        List.of("error_type", "service"), null, List.of(
                        Series.counter(List.of("connection_timeout", "api"), 9007199254740992.0),
                        Series.counter(List.of("quote\"back\\slash\nnewline", ""), 1),
                        Series.counter(List.of("unknown", "caf\u00e9 \u2603"), 3))),
                new MetricFamily("loka_stratum_pool_ratio", MetricType.GAUGE, "Last value of the log field pool_ratio.",
                        List.of(), null, List.of(Series.gauge(List.of(), 0.1 + 0.2))),
                new MetricFamily("loka_stratum_queue_depth", MetricType.GAUGE, "Last value of the log field queue_depth.",
                        List.of(), null, List.of(Series.gauge(List.of(), -0.0))),
                new MetricFamily("loka_stratum_request_duration_seconds", MetricType.HISTOGRAM,
                        "Duration of timed events (duration_ms / 1000), by method.", List.of("method"), BOUNDS, List.of(
                        Series.histogram(List.of("GET"), new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, Long.MAX_VALUE / 2},
                                Long.MAX_VALUE),
                        Series.histogram(List.of("other"), new long[12], 0))),
                new MetricFamily("loka_stratum_tiny", MetricType.GAUGE, "Last value of the log field tiny.",
                        List.of(), null, List.of(Series.gauge(List.of(), Double.MIN_VALUE))),
                new MetricFamily("loka_stratum_vast", MetricType.GAUGE, "Last value of the log field vast.",
                        List.of(), null, List.of(Series.gauge(List.of(), -1.7976931348623157e308))),
                new MetricFamily("logtally_lines_total", MetricType.COUNTER, "Complete lines read from followed files"
                        + " (skipped lines included).", List.of(), null, List.of(Series.counter(List.of(), 123456789012.0)))));
        return Checkpoint.of(1_764_000_000_123L, "loka_stratum", positions, metrics, groups());
    }

    /** The golden checkpoint as format 1 wrote it: no error groups. */
    static Checkpoint goldenV1() {
        Checkpoint g = golden();
        return new Checkpoint(1, g.savedAtMillis(), g.namespace(), g.positions(), g.metrics(), ErrorGroupsState.EMPTY);
    }

    /** Two groups (one resolved in a release, one from a fingerprint field with log text that needs escaping). */
    static ErrorGroupsState groups() {
        return new ErrorGroupsState(List.of(
                new ErrorGroupsState.Group("0f3c2a9e8d7b6a51", 0x0f3c2a9e8d7b6a51L, "connection_timeout", "3dde25fd", 42,
                        1_763_990_000_000L, 1_764_000_000_000L, "2.4.0", "pool \"eu-1\" did not answer {{ .Labels }}",
                        "java.net.SocketTimeoutException: Read timed out\n\tat a.B.c(B.java:1)\n",
                        "a56f7570fa42cebec53d3c4bb3b93303", List.of("loka-stratum"), List.of("mining.submit"),
                        List.of("2.4.0", "2.4.1"), 490_000L, List.of(489_997L, 40L, 490_000L, 2L),
                        GroupStatus.resolvedIn("2.4.1", 1_763_999_000_000L), false, 17,
                        List.of(1_763_999_999_000L, 1_764_000_000_000L)),
                new ErrorGroupsState.Group("checkout-db-down", -7L, "unknown", "", 1, Long.MIN_VALUE, Long.MIN_VALUE,
                        null, null, null, null, List.of(), List.of(), List.of(), -1, List.of(),
                        GroupStatus.UNRESOLVED, false, 18, null)),
                3, 7, 18,
                List.of(new AlertTransition(6, AlertTransition.Kind.NEW, "checkout-db-down", 1_764_000_000_100L, null,
                        true, 1_764_003_600_100L)),
                java.util.Map.of("NewErrorGroup", 5L, "ErrorGroupRegressed", 1L), java.util.Map.of("NewErrorGroup", 2L));
    }
}
