package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.config.Options;
import dev.logtally.testing.PromText;
import dev.logtally.cli.ErrorsTool;
import dev.logtally.cli.TraceTool;
import dev.logtally.cli.ReplayTool;
import dev.logtally.cli.ErrorsTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three archive tools on the committed sample logs (samples/logs: four {@code .gz} archives and the
 * active file, 6,001 lines), against golden files, with one and with two reading threads (the output may
 * not depend on which thread read what). The totals are also checked against the counts samples/README.md
 * states, so a golden file cannot silently bless a wrong count.
 */
class SampleLogsGoldenTest {
    static final String TRACED = "398c62119d7ea7c4f00da6e6b54dbcf4";

    private static Fixtures.Run replay(int threads) {
        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(Fixtures.sampleDir().toString()), Fixtures.options(),
                ReplayTool.Format.PROMETHEUS, null, threads, false), run.out, run.err, Fixtures.LATER);
        return run;
    }

    @Test
    void replayPrometheusIsTheGoldenTotals() {
        for (int threads : new int[] {1, 2}) {
            Fixtures.Run run = replay(threads);
            assertEquals(0, run.code, run.err());
            assertEquals("", run.err());
            Fixtures.golden("replay-samples.prom", run.out());
        }
    }

    @Test
    void replayTotalsAreTheCountsTheSamplesReadmeStates() {
        Map<String, Double> m = PromText.parse(replay(2).out());
        assertEquals(6001.0, m.get("logtally_lines_total"));
        assertEquals(6001.0, m.get("logtally_events_total"));
        Map<String, Double> errors = Map.of("invalid_share", 61.0, "db_write_failed", 12.0, "connection_timeout", 9.0,
                "protocol_violation", 8.0, "pool_disconnected", 5.0);
        errors.forEach((type, n) -> assertEquals(n,
                m.get("loka_stratum_errors_total{error_type=\"" + type + "\",service=\"loka-stratum\"}"), type));
        Map<String, Double> timed = Map.of("mining.submit", 2300.0, "db.insert_share", 2239.0, "mining.subscribe", 102.0,
                "mining.authorize", 102.0, "mining.notify", 13.0);
        timed.forEach((method, n) -> assertEquals(n,
                m.get("loka_stratum_request_duration_seconds_count{method=\"" + method + "\"}"), method));
        for (String g : Fixtures.SAMPLE_GAUGES) {
            assertEquals(true, m.containsKey("loka_stratum_" + g), g);
        }
    }

    @Test
    void traceIsTheGoldenListingAndJson() {
        for (int threads : new int[] {1, 2}) {
            for (boolean json : new boolean[] {false, true}) {
                Fixtures.Run run = new Fixtures.Run();
                Options o = Fixtures.options();
                run.code = TraceTool.run(new TraceTool.Request(TRACED, List.of(Fixtures.sampleDir().toString()), o, json,
                        threads, false), run.out, run.err);
                assertEquals(0, run.code, run.err());
                assertEquals("", run.err());
                // The file names in --json are as given: make them independent of where the project sits.
                String out = run.out().replace(Fixtures.sampleDir() + "/", "samples/logs/");
                Fixtures.golden(json ? "trace-398c.jsonl" : "trace-398c.txt", out);
            }
        }
    }

    @Test
    void errorsIsTheGoldenTableAndJson() {
        for (int threads : new int[] {1, 2}) {
            for (boolean json : new boolean[] {false, true}) {
                Fixtures.Run run = new Fixtures.Run();
                run.code = ErrorsTool.run(new ErrorsTool.Request(List.of(Fixtures.sampleDir().toString()),
                        Fixtures.options(), null, null, 0, json, threads, false), run.out, run.err, Fixtures.LATER);
                assertEquals(0, run.code, run.err());
                assertEquals("", run.err());
                Fixtures.golden(json ? "errors-samples.jsonl" : "errors-samples.txt", relative(run.out()));
            }
        }
    }

    @Test
    void errorsTopAndTimeRangeNarrowTheGroups() {
        Fixtures.Run run = new Fixtures.Run();
        // LATER is 15:00Z: "95m" back is 13:25:00Z; --until 13:26:00Z; the top 3 groups of that minute.
        run.code = ErrorsTool.run(new ErrorsTool.Request(List.of(Fixtures.sampleDir().toString()), Fixtures.options(),
                "95m", "2026-11-24T13:26:00Z", 3, false, 2, false), run.out, run.err, Fixtures.LATER);
        assertEquals(0, run.code, run.err());
        Fixtures.golden("errors-samples-minute-top3.txt", relative(run.out()));
    }

    /** The trace commands name the PATH as given (here absolute): the golden files hold it relative to the repository. */
    private static String relative(String out) {
        return out.replace(" " + Fixtures.sampleDir() + "\n", " samples/logs\n");
    }

    @Test
    void theErrorsTableFitsOneHundredColumnsAndItsTraceCommandRunsAsPrinted() {
        Fixtures.Run run = new Fixtures.Run();
        run.code = ErrorsTool.run(new ErrorsTool.Request(List.of(Fixtures.sampleDir().toString()), Fixtures.options(),
                null, null, 0, false, 1, false), run.out, run.err, Fixtures.LATER);
        String traceLine = null;
        for (String line : run.out().split("\n")) {
            if (line.startsWith("       → ")) {
                traceLine = traceLine == null ? line : traceLine;
            } else {
                org.junit.jupiter.api.Assertions.assertTrue(line.length() <= ErrorsTable.WIDTH, line);
            }
        }
        // Run the printed command through the CLI, word by word as a shell would split it.
        String[] words = traceLine.substring("       → logtally ".length()).split(" ");
        Fixtures.Run trace = new Fixtures.Run();
        trace.code = TraceTool.run(new TraceTool.Request(words[1], List.of(words).subList(2, words.length),
                Fixtures.options(), false, 1, false), trace.out, trace.err);
        assertEquals(0, trace.code, trace.err());
        assertEquals("trace", words[0]);
        // The group's sample message is among the events of its sample correlation ID.
        org.junit.jupiter.api.Assertions.assertTrue(trace.out().contains("share from rig-24.worker1 rejected"), trace.out());
    }
}
