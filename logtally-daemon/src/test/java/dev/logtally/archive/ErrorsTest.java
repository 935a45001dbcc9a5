package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import dev.logtally.parse.Event;
import dev.logtally.cli.ErrorsTool;
import dev.logtally.cli.ErrorsTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code errors}: groups across files and releases, the methods affected, the time range, the table. */
class ErrorsTest {
    @TempDir
    Path tmp;

    private static String error(String time, String type, String hash, String release, String cid, String message) {
        return line("@timestamp", q(time), "level", q("ERROR"), "message", q(message), "error_type", q(type),
                "stack_hash", q(hash), "service", q("api"), "release", q(release), "correlation_id", q(cid));
    }

    private static String timed(String time, String cid, String method) {
        return line("@timestamp", q(time), "level", q("INFO"), "method", q(method), "duration_ms", "3",
                "correlation_id", q(cid), "service", q("api"));
    }

    private List<String> files() {
        Path older = Fixtures.gzip(tmp.resolve("app.1.log.gz"),
                timed("2026-11-20T08:00:00Z", "r1", "GET /a")
                        + error("2026-11-20T08:00:01Z", "timeout", "h1", "1.0", "r1", "first timeout")
                        + timed("2026-11-20T08:00:02Z", "r2", "GET /b")
                        + error("2026-11-20T08:00:03Z", "timeout", "h1", "1.0", "r2", "second timeout")
                        + line("level", q("ERROR"), "message", q("no time, no type, no hash"), "service", q("worker")));
        Path newer = Fixtures.write(tmp.resolve("app.log"),
                error("2026-11-20T09:00:00Z", "timeout", "h1", "1.1", "r3", "third timeout")
                        + error("2026-11-20T09:00:01Z", "timeout", "h2", "1.1", "r4", "other stack")
                        + line("@timestamp", q("2026-11-20T09:00:02Z"), "level", q("ERROR"), "message", q("from the stack"),
                                "stack_trace", q("java.lang.IllegalStateException: boom\\n\\tat a.B(B.java:1)"))
                        + line("@timestamp", q("2026-11-20T09:00:03Z"), "level", q("WARN"), "message", q("not an error"),
                                "error_type", q("timeout")));
        return List.of(newer.toString(), older.toString());
    }

    private Errors.Result run(String since, String until) {
        long s = since == null ? Errors.NO_LIMIT : Instant.parse(since).toEpochMilli();
        long u = until == null ? Errors.NO_LIMIT : Instant.parse(until).toEpochMilli();
        List<LogFile> ordered = FirstEvents.oldestFirst(LogInputs.expand(files()).files(),
                dev.logtally.pipeline.Pipeline.parserOptions(Fixtures.options()), 1 << 20);
        return new Errors(Fixtures.options(), 2, s, u).run(ordered, Progress.NONE);
    }

    @Test
    void groupsByTypeAndHashAcrossFilesWithTheirFirstRelease() {
        Errors.Result r = run(null, null);
        assertEquals(6, r.events());
        assertEquals(List.of(
                new G("timeout", "h1", 3, Instant.parse("2026-11-20T08:00:01Z").toEpochMilli(),
                        Instant.parse("2026-11-20T09:00:00Z").toEpochMilli(), "third timeout", "r3", List.of("api"),
                        List.of("GET /a", "GET /b"), List.of("1.0", "1.1"), "1.0"),
                new G("IllegalStateException", "", 1, Instant.parse("2026-11-20T09:00:02Z").toEpochMilli(),
                        Instant.parse("2026-11-20T09:00:02Z").toEpochMilli(), "from the stack", null, List.of(), List.of(),
                        List.of(), null),
                new G("timeout", "h2", 1, Instant.parse("2026-11-20T09:00:01Z").toEpochMilli(),
                        Instant.parse("2026-11-20T09:00:01Z").toEpochMilli(), "other stack", "r4", List.of("api"),
                        List.of(), List.of("1.1"), "1.1"),
                new G("unknown", "", 1, Event.NO_TIME, Event.NO_TIME, "no time, no type, no hash", null,
                        List.of("worker"), List.of(), List.of(), null)), brief(r.groups()));
    }

    /** What this test checks of a group (its fields before the group view grew status, hours and stack). */
    private record G(String errorType, String stackHash, long count, long firstSeen, long lastSeen, String sampleMessage,
                     String sampleCorrelationId, List<String> services, List<String> methods, List<String> releases,
                     String firstRelease) {
    }

    private static List<G> brief(List<dev.logtally.aggregate.ErrorGroupView> groups) {
        return groups.stream().map(g -> new G(g.errorType(), g.stackHash(), g.count(), g.firstSeen(), g.lastSeen(),
                g.sampleMessage(), g.sampleCorrelationId(), g.services(), g.methods(), g.releases(), g.firstRelease()))
                .toList();
    }

    @Test
    void aTimeRangeLeavesOutEventsOutsideItAndEventsWithoutTime() {
        Errors.Result r = run("2026-11-20T08:00:02Z", "2026-11-20T09:00:01Z");
        assertEquals(2, r.events());
        assertEquals(1, r.groups().size());
        assertEquals("third timeout", r.groups().get(0).sampleMessage());
        Errors.Result untilExcluded = run("2026-11-20T08:00:02Z", "2026-11-20T09:00:00Z");
        assertEquals(1, untilExcluded.events());
        assertEquals("second timeout", untilExcluded.groups().get(0).sampleMessage());
    }

    @Test
    void theTableFitsOneHundredColumnsWithDetailsAStackHeadAndATraceCommandThatRunsAsPrinted() {
        assertEquals("""
                COUNT  ERROR TYPE            FINGERPRINT       LAST SEEN (UTC)      RELEASES  SERVICES
                    3  timeout               ff5f0e25f0336993  2026-11-20 09:00:00  1.0, 1.1  api
                       first seen 2026-11-20 08:00:01 · stack h1 · methods GET /a, GET /b
                       "third timeout"
                       → logtally trace r3 '/var/log/my app'
                    1  IllegalStateExcepti…  1d4c0f106669d699  2026-11-20 09:00:02  -         -
                       first seen 2026-11-20 09:00:02
                       "from the stack"
                       java.lang.IllegalStateException: boom
                           at a.B(B.java:1)

                6 error events in 4 groups; the top 2 shown.
                """, ErrorsTable.render(run(null, null), 2, List.of("/var/log/my app")));
        assertEquals("No error events.\n", ErrorsTable.render(run("2026-11-21T00:00:00Z", null), 0, List.of("logs")));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Fixtures.Run run = new Fixtures.Run();
        assertEquals("--since: 'last week' is neither an ISO-8601 time with a zone (2026-11-24T13:00:00Z), a date "
                + "(2026-11-24) nor a duration back from now (2h)", assertThrows(ConfigException.class,
                () -> ErrorsTool.run(new ErrorsTool.Request(files(), Fixtures.options(), "last week", null, 0, false, 1,
                        false), run.out, run.err, Fixtures.LATER)).getMessage());
        assertEquals("--top: must be 0 (all) or more, not -1", assertThrows(ConfigException.class,
                () -> ErrorsTool.run(new ErrorsTool.Request(files(), Fixtures.options(), null, null, -1, false, 1,
                        false), run.out, run.err, Fixtures.LATER)).getMessage());
    }
}
