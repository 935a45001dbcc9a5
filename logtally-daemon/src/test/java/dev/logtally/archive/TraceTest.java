package dev.logtally.archive;

import dev.logtally.cli.TraceTool;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace}: exactly one ID's events, across files, in time order; listing and JSON. */
class TraceTest {
    @TempDir
    Path tmp;

    private static String ev(String time, String cid, String message, String... more) {
        String[] kv = new String[10 + more.length];
        System.arraycopy(new String[] {"@timestamp", q(time), "level", q("INFO"), "logger_name", q("com.example.Api"),
            "message", q(message), "correlation_id", q(cid)}, 0, kv, 0, 10);
        System.arraycopy(more, 0, kv, 10, more.length);
        return line(kv);
    }

    @Test
    void onlyTheIdsOwnEventsInTimeOrderAcrossFiles() {
        Path newer = Fixtures.write(tmp.resolve("app.log"),
                ev("2026-11-20T08:00:03Z", "req-7", "third", "method", q("GET /orders"), "duration_ms", "12.5")
                        + ev("2026-11-20T08:00:03Z", "req-77", "another request whose ID contains req-7")
                        + ev("2026-11-20T08:00:04Z", "other", "mentions req-7 in the message only")
                        + ev("2026-11-20T08:00:05Z", "req-7", "fifth", "level", q("ERROR"), "error_type", q("timeout"),
                                "stack_trace", q("java.net.SocketTimeoutException: connect timed out\\n\\tat a.B.c(B.java:1)"
                                        + "\\n\\tat a.B.d(B.java:2)\\n\\tat a.B.e(B.java:3)\\n\\tat a.B.f(B.java:4)\\n")));
        Path older = Fixtures.gzip(tmp.resolve("app.2026-11-20.0.log.gz"),
                ev("2026-11-20T08:00:01Z", "req-7", "first")
                        + ev("2026-11-20T08:00:04Z", "req-7", "fourth, written late into the older file"));
        Fixtures.write(tmp.resolve("app.2026-11-20.1.log"), ev("2026-11-20T08:00:02Z", "req-7", "second"));

        Fixtures.Run run = new Fixtures.Run();
        run.code = TraceTool.run(new TraceTool.Request("req-7", List.of(tmp.toString()), Fixtures.options(), false, 2, false),
                run.out, run.err);
        assertEquals(0, run.code, run.err());
        assertEquals("""
                2026-11-20T08:00:01.000Z  INFO   Api  first
                2026-11-20T08:00:02.000Z  INFO   Api  second
                2026-11-20T08:00:03.000Z  INFO   Api  third  [GET /orders 12.5 ms]
                2026-11-20T08:00:04.000Z  INFO   Api  fourth, written late into the older file
                2026-11-20T08:00:05.000Z  ERROR  Api  fifth  [timeout]
                    java.net.SocketTimeoutException: connect timed out
                        at a.B.c(B.java:1)
                        at a.B.d(B.java:2)
                        … 2 more lines
                """, run.out());

        Fixtures.Run json = new Fixtures.Run();
        json.code = TraceTool.run(new TraceTool.Request("req-7", List.of(older.toString(), newer.toString()),
                Fixtures.options(), true, 1, false), json.out, json.err);
        assertEquals(0, json.code);
        String[] lines = json.out().split("\n");
        assertEquals(4, lines.length);
        assertEquals("{\"time\":\"2026-11-20T08:00:01.000Z\",\"level\":\"INFO\",\"logger\":\"com.example.Api\","
                + "\"message\":\"first\",\"correlation_id\":\"req-7\",\"file\":\"" + older + "\",\"offset\":0}", lines[0]);
        assertEquals("{\"time\":\"2026-11-20T08:00:03.000Z\",\"level\":\"INFO\",\"logger\":\"com.example.Api\","
                + "\"message\":\"third\",\"correlation_id\":\"req-7\",\"method\":\"GET /orders\",\"duration_ms\":12.5,"
                + "\"file\":\"" + newer + "\",\"offset\":0}", lines[1]);
    }

    @Test
    void anIdWithCharactersJsonEscapesIsStillFound() {
        Path p = Fixtures.write(tmp.resolve("app.log"),
                ev("2026-11-20T08:00:01Z", "a\\\"b/c", "quoted")
                        + ev("2026-11-20T08:00:02Z", "a\\\"b\\/c", "slash escaped by the writer"));
        Fixtures.Run run = new Fixtures.Run();
        run.code = TraceTool.run(new TraceTool.Request("a\"b/c", List.of(p.toString()), Fixtures.options(), false, 1, false),
                run.out, run.err);
        assertEquals(0, run.code);
        assertEquals(2, run.out().split("\n").length, run.out());
    }

    @Test
    void nothingFoundIsOneLineOnStderrAndExitsNonZero() {
        Path p = Fixtures.write(tmp.resolve("app.log"), ev("2026-11-20T08:00:01Z", "req-1", "m"));
        Fixtures.Run run = new Fixtures.Run();
        run.code = TraceTool.run(new TraceTool.Request("req-2", List.of(p.toString()), Fixtures.options(), false, 1, false),
                run.out, run.err);
        assertEquals(1, run.code);
        assertEquals("", run.out());
        assertEquals("logtally: no event with correlation_id 'req-2' in 1 file (1 lines)\n", run.err());
    }
}
