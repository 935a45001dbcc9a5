package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.logtally.source.Line;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour a golden file cannot show: identity of labels, huge values, state between lines. */
class LineParserTest {
    private final List<ParseError> errors = new ArrayList<>();
    private final List<Line> errorLines = new ArrayList<>();
    private final ParseErrorSink sink = (error, line) -> {
        errors.add(error);
        errorLines.add(line);
    };

    private static Line line(String json) {
        return Line.of("test.log", 0, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void labelsAreTheSameInstanceOnEveryLine() {
        LineParser parser = new LineParser(ParserOptions.defaults());
        String json = "{\"level\":\"error\",\"service\":\"payments\",\"method\":\"POST /charge\",\"error_type\":\"timeout\"}";
        Event a = parser.parse(line(json), sink);
        Event b = parser.parse(line(json), sink);
        assertSame(a.service(), b.service());
        assertSame(a.method(), b.method());
        assertSame(a.errorType(), b.errorType());
        assertSame("ERROR", a.level()); // the constant, not an equal copy
        assertSame(a.level(), b.level());

        String trace = "{\"stack_trace\":\"java.net.SocketTimeoutException: x\\n\\tat y\"}";
        assertSame(parser.parse(line(trace), sink).errorType(), parser.parse(line(trace), sink).errorType());
        assertEquals(List.of(), errors);
    }

    @Test
    void aOneMebibyteValueIsSkippedOrCapturedWhole() {
        String big = "é".repeat(1 << 19); // 1 MiB of UTF-8
        String json = "{\"message\":\"" + big + "\",\"level\":\"WARN\",\"stack_trace\":\"java.lang.OutOfMemoryError: "
                + big + "\"}";
        Event skipped = new LineParser(ParserOptions.defaults()).parse(line(json), sink);
        assertEquals("WARN", skipped.level());
        assertEquals("OutOfMemoryError", skipped.errorType());
        assertNull(skipped.message());

        Event captured = new LineParser(ParserOptions.builder().captureAll().build()).parse(line(json), sink);
        assertEquals(big, captured.message());
        assertEquals("java.lang.OutOfMemoryError: " + big, captured.stackTrace());
        assertEquals("OutOfMemoryError", captured.errorType());
        assertEquals(List.of(), errors);
    }

    @Test
    void anOversizedLineIsReportedWithoutLookingAtItsBytes() {
        Line oversized = new Line("test.log", 10, 5_000_000, new byte[0], 0, 0, true);
        assertNull(new LineParser(ParserOptions.defaults()).parse(oversized, sink));
        assertEquals(List.of(ParseError.OVERSIZED), errors);
        assertSame(oversized, errorLines.get(0));
    }

    @Test
    void nothingLeaksFromALineIntoTheNext() {
        LineParser parser = new LineParser(ParserOptions.builder().gauges(List.of("q")).captureAll().build());
        String full = "{\"@timestamp\":\"2026-11-24T12:56:22Z\",\"level\":\"ERROR\",\"service\":\"s\",\"release\":\"r\","
                + "\"error_type\":\"e\",\"stack_hash\":\"h\",\"method\":\"m\",\"duration_ms\":1,\"q\":2,"
                + "\"correlation_id\":\"c\",\"message\":\"msg\",\"logger_name\":\"l\",\"thread_name\":\"t\","
                + "\"stack_trace\":\"x.Y: z\"}";
        // Every field read (the exact event), so that the lines below test what a full line leaves behind.
        assertEquals("event time=2026-11-24T12:56:22Z level=\"ERROR\" service=\"s\" release=\"r\" error_type=\"e\""
                        + " stack_hash=\"h\" method=\"m\" duration=1.0 gauges=[2.0] correlation_id=\"c\" message=\"msg\""
                        + " logger=\"l\" thread=\"t\" stack_trace=\"x.Y: z\"",
                EventText.render(parser.parse(line(full), sink), List.of()));
        // Cut short after every field was read: skipped, and nothing of it may reach the next event.
        assertNull(parser.parse(line(full.substring(0, full.length() - 1)), sink));
        Event empty = parser.parse(line("{}"), sink);
        assertEquals("event gauges=[NaN]", EventText.render(empty, List.of()));
        assertEquals(List.of(ParseError.MALFORMED), errors);
    }

    @Test
    void eachEventHasItsOwnGaugeArray() {
        LineParser parser = new LineParser(ParserOptions.builder().gauges(List.of("q")).build());
        Event a = parser.parse(line("{\"q\":1}"), sink);
        Event b = parser.parse(line("{\"q\":2}"), sink);
        assertArrayEquals(new double[] {1}, a.gauges());
        assertArrayEquals(new double[] {2}, b.gauges());
    }

    @Test
    void errorTypeIsTheSameWhetherTheStackTraceIsCapturedOrNot() {
        List<byte[]> lines = Golden.lines(Golden.resource("error-type.jsonl"));
        LineParser headOnly = new LineParser(ParserOptions.defaults());
        LineParser captured = new LineParser(ParserOptions.builder().capture(LogField.STACK_TRACE).build());
        for (byte[] bytes : lines) {
            Line l = Line.of("error-type.jsonl", 0, bytes);
            assertEquals(captured.parse(l, sink).errorType(), headOnly.parse(l, sink).errorType(),
                    new String(bytes, StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void manyDistinctHostileValuesAllComeBackRight() {
        LineParser parser = new LineParser(ParserOptions.defaults());
        for (int i = 0; i < 10_000; i++) {
            Event e = parser.parse(line("{\"service\":\"svc-" + i + "\",\"method\":\"m" + (i % 7) + "\"}"), sink);
            assertEquals("svc-" + i, e.service());
            assertEquals("m" + (i % 7), e.method());
        }
    }
}
