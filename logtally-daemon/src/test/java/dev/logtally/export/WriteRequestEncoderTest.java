package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.DynamicMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written protobuf writer against protobuf-java: its bytes parse with protobuf-java's own parser
 * into exactly the series and samples given, and protobuf-java writes the parsed message back to the very
 * same bytes (field order, proto3 defaults left out, varint and fixed64 encodings).
 */
class WriteRequestEncoderTest {

    private static void assertSameAsProtobufJava(List<RemoteSeries> series, List<String> expectedLines) {
        byte[] mine = WriteRequestEncoder.encode(series);
        DynamicMessage parsed = RemoteWriteProto.parse(mine);
        assertEquals(expectedLines, RemoteWriteProto.lines(parsed));
        assertArrayEquals(parsed.toByteArray(), mine, "protobuf-java re-serializes to the same bytes");
    }

    @Test
    void oneSeriesOneSample() {
        assertSameAsProtobufJava(List.of(new RemoteSeries(
                        List.of("__name__", "app_errors_total", "error_type", "timeout", "instance", "h1"),
                        new long[] {1704067200000L}, new double[] {3})),
                List.of("__name__=app_errors_total,error_type=timeout,instance=h1 3.0@1704067200000"));
    }

    @Test
    void specialValuesAndTimestamps() {
        assertSameAsProtobufJava(List.of(new RemoteSeries(List.of("__name__", "g"),
                        new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1704067200123L, 127, 128},
                        new double[] {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -2.5, 1e300})),
                List.of("__name__=g 0.0@0", "__name__=g -0.0@1", "__name__=g NaN@-1", "__name__=g Infinity@" + Long.MAX_VALUE,
                        "__name__=g -Infinity@" + Long.MIN_VALUE, "__name__=g 1.0E-300@1704067200123", "__name__=g -2.5@127",
                        "__name__=g 1.0E300@128"));
    }

    @Test
    void unicodeEmptyAndLongLabelsAndManySeries() {
        String longValue = "x".repeat(300);   // lengths past one varint byte, at every nesting level
        List<RemoteSeries> series = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            series.add(new RemoteSeries(List.of("__name__", "m_" + i, "empty", "", "long", longValue, "text", "ünïcödé ✓ \"q\"\n"),
                    new long[] {i * 1000L, i * 1000L + 1}, new double[] {i, i + 0.5}));
            expected.add("__name__=m_" + i + ",empty=,long=" + longValue + ",text=ünïcödé ✓ \"q\"\n " + (double) i + "@" + i * 1000L);
            expected.add("__name__=m_" + i + ",empty=,long=" + longValue + ",text=ünïcödé ✓ \"q\"\n " + (i + 0.5) + "@" + (i * 1000L + 1));
        }
        assertSameAsProtobufJava(series, expected);
    }

    @Test
    void noSeriesIsAnEmptyRequest() {
        assertSameAsProtobufJava(List.of(), List.of());
        assertEquals(0, WriteRequestEncoder.encode(List.of()).length);
    }

    @Test
    void varintSizes() {
        assertEquals(1, WriteRequestEncoder.varintSize(0));
        assertEquals(1, WriteRequestEncoder.varintSize(127));
        assertEquals(2, WriteRequestEncoder.varintSize(128));
        assertEquals(10, WriteRequestEncoder.varintSize(-1));
    }
}
