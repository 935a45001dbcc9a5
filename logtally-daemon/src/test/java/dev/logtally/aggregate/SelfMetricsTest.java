package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import dev.logtally.parse.ParseError;
import dev.logtally.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {

    /** One line per family ({@code # name type labels help}) and per series ({@code name[values] value}). */
    static String render(MetricSnapshot s) {
        StringBuilder b = new StringBuilder();
        for (MetricFamily f : s.families()) {
            b.append("# ").append(f.name()).append(' ').append(f.type().text()).append(' ').append(f.labelNames())
                    .append(' ').append(f.help()).append('\n');
            for (Series x : f.series()) {
                b.append(f.name()).append(x.labelValues()).append(' ').append(x.value()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void freshCountersExportEveryKnownSeriesAtZero() {
        SelfMetrics self = new SelfMetrics("1.2.3", ManualClock.atMillis(0));
        new Aggregator(AggregatorOptions.defaults("app"), self);
        assertEquals("""
                # logtally_bytes_total counter [] Bytes read from followed files.
                logtally_bytes_total[] 0.0
                # logtally_events_total counter [] Lines parsed into events.
                logtally_events_total[] 0.0
                # logtally_lines_total counter [] Complete lines read from followed files (skipped lines included).
                logtally_lines_total[] 0.0
                # logtally_lost_bytes_total counter [] Bytes of followed files that went missing before they were read (deleted or truncated unread).
                logtally_lost_bytes_total[] 0.0
                # logtally_parse_errors_total counter [reason] Lines (or values) skipped, by reason.
                logtally_parse_errors_total[invalid_duration] 0.0
                logtally_parse_errors_total[invalid_gauge] 0.0
                logtally_parse_errors_total[invalid_timestamp] 0.0
                logtally_parse_errors_total[invalid_utf8] 0.0
                logtally_parse_errors_total[malformed] 0.0
                logtally_parse_errors_total[not_object] 0.0
                logtally_parse_errors_total[oversized] 0.0
                logtally_parse_errors_total[partial_line] 0.0
                # logtally_push_failures_total counter [] Failed push attempts.
                logtally_push_failures_total[] 0.0
                # logtally_pushes_total counter [] Successful pushes to the Pushgateway.
                logtally_pushes_total[] 0.0
                # logtally_rotations_total counter [kind] Rotations of followed files seen, by kind.
                logtally_rotations_total[recreate] 0.0
                logtally_rotations_total[rename] 0.0
                logtally_rotations_total[truncate] 0.0
                # logtally_series_dropped_total counter [metric, label] Events whose label value was counted under "other" by the cardinality guard.
                logtally_series_dropped_total[app_errors_total, error_type] 0.0
                logtally_series_dropped_total[app_errors_total, service] 0.0
                logtally_series_dropped_total[app_request_duration_seconds, method] 0.0
                """, render(self.checkpointed()));
    }

    @Test
    void countersCount() {
        SelfMetrics self = new SelfMetrics("1.2.3", ManualClock.atMillis(0));
        self.countLine(100);
        self.countLine(50);
        self.countBytes(7);
        self.countEvent();
        self.countParseError(ParseError.MALFORMED);
        self.countParseError(ParseError.MALFORMED);
        self.countParseError(ParseError.INVALID_GAUGE);
        self.countRotation(SelfMetrics.ROTATION_RENAME);
        self.countRotation(SelfMetrics.ROTATION_TRUNCATE);
        self.countRotation(SelfMetrics.ROTATION_TRUNCATE);
        self.countPush();
        self.countPushFailure();
        self.countPushFailure();
        self.seriesDropped("app_errors_total", "error_type").add(3);
        self.countLostBytes(18);
        assertThrows(IllegalArgumentException.class, () -> self.countRotation("copy"));
        assertThrows(IllegalArgumentException.class, () -> self.seriesDropped("m", "l").add(-1));
        assertEquals("""
                # logtally_bytes_total counter [] Bytes read from followed files.
                logtally_bytes_total[] 157.0
                # logtally_events_total counter [] Lines parsed into events.
                logtally_events_total[] 1.0
                # logtally_lines_total counter [] Complete lines read from followed files (skipped lines included).
                logtally_lines_total[] 2.0
                # logtally_lost_bytes_total counter [] Bytes of followed files that went missing before they were read (deleted or truncated unread).
                logtally_lost_bytes_total[] 18.0
                # logtally_parse_errors_total counter [reason] Lines (or values) skipped, by reason.
                logtally_parse_errors_total[invalid_duration] 0.0
                logtally_parse_errors_total[invalid_gauge] 1.0
                logtally_parse_errors_total[invalid_timestamp] 0.0
                logtally_parse_errors_total[invalid_utf8] 0.0
                logtally_parse_errors_total[malformed] 2.0
                logtally_parse_errors_total[not_object] 0.0
                logtally_parse_errors_total[oversized] 0.0
                logtally_parse_errors_total[partial_line] 0.0
                # logtally_push_failures_total counter [] Failed push attempts.
                logtally_push_failures_total[] 2.0
                # logtally_pushes_total counter [] Successful pushes to the Pushgateway.
                logtally_pushes_total[] 1.0
                # logtally_rotations_total counter [kind] Rotations of followed files seen, by kind.
                logtally_rotations_total[recreate] 0.0
                logtally_rotations_total[rename] 1.0
                logtally_rotations_total[truncate] 2.0
                # logtally_series_dropped_total counter [metric, label] Events whose label value was counted under "other" by the cardinality guard.
                logtally_series_dropped_total[app_errors_total, error_type] 3.0
                logtally_series_dropped_total[m, l] 0.0
                """, render(self.checkpointed()));
    }

    @Test
    void liveGaugesLeaveOutPushAndCheckpointUntilThereIsOne() {
        ManualClock clock = ManualClock.atMillis(1_700_000_000_000L);
        SelfMetrics self = new SelfMetrics("1.2.3", clock);
        assertEquals("""
                # logtally_build_info gauge [version] logtally's version; always 1.
                logtally_build_info[1.2.3] 1.0
                # logtally_files_followed gauge [] Files open for reading.
                logtally_files_followed[] 0.0
                # logtally_lag_bytes gauge [] Bytes in followed files not yet read.
                logtally_lag_bytes[] 0.0
                # logtally_lag_seconds gauge [] While behind: now minus the time of the newest event read; 0 when caught up.
                logtally_lag_seconds[] 0.0
                """, render(self.live()));

        self.setFilesFollowed(3);
        self.setLagBytes(4096);
        self.setLagSeconds(1.5);
        self.setLastPushTime(1_699_999_999_250L);
        self.setCheckpointTime(1_699_999_990_000L);
        clock.advance(Duration.ofMillis(2_500));
        assertEquals("""
                # logtally_build_info gauge [version] logtally's version; always 1.
                logtally_build_info[1.2.3] 1.0
                # logtally_checkpoint_age_seconds gauge [] Now minus the time of the last checkpoint.
                logtally_checkpoint_age_seconds[] 12.5
                # logtally_checkpoint_timestamp_seconds gauge [] Time of the last checkpoint.
                logtally_checkpoint_timestamp_seconds[] 1.69999999E9
                # logtally_files_followed gauge [] Files open for reading.
                logtally_files_followed[] 3.0
                # logtally_lag_bytes gauge [] Bytes in followed files not yet read.
                logtally_lag_bytes[] 4096.0
                # logtally_lag_seconds gauge [] While behind: now minus the time of the newest event read; 0 when caught up.
                logtally_lag_seconds[] 1.5
                # logtally_last_push_timestamp_seconds gauge [] Time of the last successful push.
                logtally_last_push_timestamp_seconds[] 1.69999999925E9
                """, render(self.live()));
    }

    @Test
    void restoreResumesEveryCheckpointedCounterAndKeepsUnknownLabels() {
        SelfMetrics old = new SelfMetrics("1", ManualClock.atMillis(0));
        old.countLine(10);
        old.countEvent();
        old.countParseError(ParseError.OVERSIZED);
        old.countRotation(SelfMetrics.ROTATION_RECREATE);
        old.countPush();
        old.countPushFailure();
        old.seriesDropped("app_errors_total", "service").inc();
        MetricSnapshot saved = old.checkpointed();
        // a reason a newer version might have counted
        MetricSnapshot withUnknown = new MetricSnapshot(saved.families().stream().map(f -> !f.name()
                .equals(SelfMetrics.PARSE_ERRORS) ? f : new MetricFamily(f.name(), f.type(), f.help(), f.labelNames(),
                null, concat(f.series(), Series.counter(List.of("from_the_future"), 4)))).toList());

        SelfMetrics now = new SelfMetrics("2", ManualClock.atMillis(0));
        now.restore(Snapshots.combine(withUnknown, old.live()), "the state in /s");
        now.countLine(5);
        now.countPush();
        old.countLine(5);
        old.countPush();
        MetricSnapshot expected = new MetricSnapshot(old.checkpointed().families().stream().map(f -> !f.name()
                .equals(SelfMetrics.PARSE_ERRORS) ? f : new MetricFamily(f.name(), f.type(), f.help(), f.labelNames(),
                null, concat(List.of(Series.counter(List.of("from_the_future"), 4)), f.series().toArray(Series[]::new))))
                .toList());
        assertEquals(expected, now.checkpointed());
    }

    private static List<Series> concat(List<Series> a, Series... b) {
        List<Series> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    @Test
    void restoreRefusesAnotherShapeOrAFractionalCount() {
        SelfMetrics self = new SelfMetrics("1", ManualClock.atMillis(0));
        MetricSnapshot labelled = new MetricSnapshot(List.of(new MetricFamily(SelfMetrics.LINES, MetricType.COUNTER, "h",
                List.of("file"), null, List.of(Series.counter(List.of("a"), 1)))));
        ConfigException e = assertThrows(ConfigException.class, () -> self.restore(labelled, "the state in /s"));
        assertEquals("state.dir: the state in /s holds logtally_lines_total as a counter with labels [file], but this"
                + " logtally counts it as a counter with labels []; start with a new state dir", e.getMessage());
        MetricSnapshot half = new MetricSnapshot(List.of(new MetricFamily(SelfMetrics.PUSHES, MetricType.COUNTER, "h",
                List.of(), null, List.of(Series.counter(List.of(), 0.5)))));
        e = assertThrows(ConfigException.class, () -> self.restore(half, "the state in /s"));
        assertEquals("state.dir: the state in /s holds an invalid count 0.5 in logtally_pushes_total[];"
                + " move the state away to start over, which resets all counters", e.getMessage());
    }

    @Test
    void combineSortsByNameAndRefusesDuplicates() {
        SelfMetrics self = new SelfMetrics("1", ManualClock.atMillis(0));
        Aggregator agg = new Aggregator(AggregatorOptions.defaults("zeta").withGauges(List.of("a")), self);
        agg.apply(Events.gauges(1));
        Aggregator agg2 = new Aggregator(AggregatorOptions.defaults("alpha").withGauges(List.of("a")), self);
        agg2.apply(Events.gauges(2));
        MetricSnapshot all = Snapshots.combine(agg.snapshot(), self.checkpointed(), self.live(), agg2.snapshot());
        List<String> names = all.families().stream().map(MetricFamily::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals("alpha_a", names.get(0));
        assertEquals("zeta_a", names.get(names.size() - 1));
        assertEquals(15, names.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Snapshots.combine(self.live(), self.live()));
        assertEquals("two snapshots hold the metric logtally_build_info", e.getMessage());
    }
}
