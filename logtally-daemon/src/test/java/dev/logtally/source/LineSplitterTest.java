package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds {@code data} through a splitter, at most {@code step} bytes per read. */
    private static Collector split(byte[] data, int step, int cap, LineSplitter splitter) throws IOException {
        Collector c = new Collector();
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        splitter.reset("f", 0);
        while (splitter.readFrom(in::read, step, c) >= 0) {
            // until the end
        }
        return c;
    }

    private static Collector split(byte[] data, int step, int cap) throws IOException {
        return split(data, step, cap, new LineSplitter(cap));
    }

    @Test
    void linesCarryExactOffsetsAndEnds() throws IOException {
        Collector c = split(utf8("a\nbc\n\ndef\n"), LineSplitter.CHUNK, 100);
        assertEquals(List.of(
                new Collector.Got("f", 0, 2, "a", false),
                new Collector.Got("f", 2, 5, "bc", false),
                new Collector.Got("f", 5, 6, "", false),
                new Collector.Got("f", 6, 10, "def", false)), c.got);
    }

    @Test
    void aByteOrderMarkAtOffsetZeroIsSkippedWithOffsetsStillExact() throws IOException {
        byte[] data = utf8("\uFEFFa\n\uFEFFb\n");   // the second mark is not at offset 0: it stays
        Collector c = split(data, 1, 100);
        assertEquals(List.of(
                new Collector.Got("f", 0, 5, "a", false),
                new Collector.Got("f", 5, 10, "\uFEFFb", false)), c.got);
    }

    @Test
    void anObjectWrittenOverSeveralLinesIsOneLineWithExactOffsets() throws IOException {
        String ecs = "{\"log.level\":\"ERROR\",\"error.stack_trace\":[\r\n\t\"a\",\r\n\t\"b\"\r\n]}\r\n";
        String next = "{\"n\":1}\n";
        for (int step : new int[] {1, 7, LineSplitter.CHUNK}) {
            Collector c = split(utf8(ecs + next), step, 100);
            assertEquals(List.of(
                    new Collector.Got("f", 0, ecs.length(), ecs.substring(0, ecs.length() - 2), false),
                    new Collector.Got("f", ecs.length(), ecs.length() + next.length(), "{\"n\":1}", false)), c.got, "step " + step);
        }
    }

    @Test
    void thePositionNeverLandsInsideAnObjectBeingJoined() throws IOException {
        LineSplitter s = new LineSplitter(100);
        s.reset("f", 0);
        Collector c = new Collector();
        s.readFrom(new ByteArrayInputStream(utf8("{\"x\":0}\n{\"a\":[\n\t1,\n"))::read, 100, c);
        assertEquals(List.of("{\"x\":0}"), c.texts());
        assertEquals(8, s.position(), "after the last whole object, not inside the unfinished one");
        assertEquals(11, s.pendingBytes());
        s.readFrom(new ByteArrayInputStream(utf8("\t2]}\n"))::read, 100, c);
        assertEquals(List.of("{\"x\":0}", "{\"a\":[\n\t1,\n\t2]}"), c.texts());
        assertEquals(24, s.position());
    }

    @Test
    void aLineThatDoesNotContinueEndsTheUnfinishedOneAndTheEndFlushesIt() throws IOException {
        LineSplitter s = new LineSplitter(100);
        s.reset("f", 0);
        Collector c = new Collector();
        s.readFrom(new ByteArrayInputStream(utf8("{\"cut\":\n{\"b\":2}\nplain\n{\"c\":[\n]\n"))::read, 100, c);
        assertEquals(List.of("{\"cut\":", "{\"b\":2}", "plain"), c.texts());
        s.finish(c);
        assertEquals(List.of("{\"cut\":", "{\"b\":2}", "plain", "{\"c\":[\n]"), c.texts());
        assertEquals(31, s.position());
    }

    @Test
    void joiningIsBoundedByTheLineCap() throws IOException {
        String big = "{\"a\":[\n" + "\t\"xxxxxxxxx\",\n".repeat(10) + "0]}\n";
        Collector c = split(utf8(big + "{}\n"), 5, 50);
        assertEquals(new Collector.Got("f", 0, 7 + 14 * 4, "", true), c.got.get(0));
        assertEquals("{}", c.texts().get(c.got.size() - 1));
    }

    @Test
    void crLfIsStrippedButALoneCrStaysInsideTheLine() throws IOException {
        Collector c = split(utf8("a\r\nb\rc\n\r\n"), LineSplitter.CHUNK, 100);
        assertEquals(List.of(
                new Collector.Got("f", 0, 3, "a", false),
                new Collector.Got("f", 3, 7, "b\rc", false),
                new Collector.Got("f", 7, 9, "", false)), c.got);
    }

    @Test
    void aPartialLastLineIsHeldUntilItsNewline() throws IOException {
        LineSplitter s = new LineSplitter(100);
        s.reset("f", 0);
        Collector c = new Collector();
        byte[] first = utf8("one\ntw");
        s.readFrom(new ByteArrayInputStream(first)::read, 100, c);
        assertEquals(List.of("one"), c.texts());
        assertEquals(4, s.position());
        assertEquals(6, s.readOffset());
        assertEquals(2, s.pendingBytes());
        s.readFrom(new ByteArrayInputStream(utf8("o\n"))::read, 100, c);
        assertEquals(List.of("one", "two"), c.texts());
        assertEquals(new Collector.Got("f", 4, 8, "two", false), c.got.get(1));
        assertEquals(8, s.position());
    }

    @Test
    void byteByByteGivesTheSameLinesAsWholeChunks() throws IOException {
        byte[] data = utf8("{\"a\":1}\r\nß€😀\n\nlast line\n");
        assertEquals(split(data, LineSplitter.CHUNK, 100).got, split(data, 1, 100).got);
    }

    @Test
    void multiByteCharactersAcrossA64KiBBoundaryArriveWhole() throws IOException {
        // A 3-byte € whose first byte is the last of the first chunk, a 4-byte 😀 split 2+2 at the second.
        int chunk = LineSplitter.CHUNK;
        byte[] data = new byte[3 * chunk];
        Arrays.fill(data, (byte) 'x');
        byte[] euro = utf8("€");
        byte[] face = utf8("😀");
        System.arraycopy(euro, 0, data, chunk - 1, 3);
        System.arraycopy(face, 0, data, 2 * chunk - 2, 4);
        data[1000] = '\n';
        data[2 * chunk + 100] = '\n';
        data[data.length - 1] = '\n';
        Collector c = split(data, chunk, 4 * chunk);
        assertEquals(3, c.got.size());
        String expected = "x".repeat(chunk - 1 - 1001) + "€" + "x".repeat((2 * chunk - 2) - (chunk + 2)) + "😀"
                + "x".repeat((2 * chunk + 100) - (2 * chunk + 2));
        assertEquals(new Collector.Got("f", 1001, 2 * chunk + 101, expected, false), c.got.get(1));
    }

    @Test
    void aLineOverTheCapIsSkippedUnbufferedAndDeliveredAsOversized() throws IOException {
        int cap = 10;
        byte[] data = utf8("short\n" + "y".repeat(300_000) + "\nafter\n" + "z".repeat(11) + "\n" + "w".repeat(10) + "\n");
        for (int step : new int[] {1, 7, LineSplitter.CHUNK}) {
            Collector c = split(data, step, cap);
            assertEquals(List.of(
                    new Collector.Got("f", 0, 6, "short", false),
                    new Collector.Got("f", 6, 300_007, "", true),
                    new Collector.Got("f", 300_007, 300_013, "after", false),
                    new Collector.Got("f", 300_013, 300_025, "", true),
                    new Collector.Got("f", 300_025, 300_036, "w".repeat(10), false)), c.got, "step " + step);
        }
    }

    @Test
    void theBufferNeverGrowsPastCapPlusOneChunk() throws IOException {
        LineSplitter s = new LineSplitter(1000);
        byte[] data = utf8("a".repeat(5_000_000) + "\nb\n");
        Collector c = split(data, LineSplitter.CHUNK, 1000, s);
        assertEquals(2, c.got.size());
        assertEquals(new Collector.Got("f", 0, 5_000_001, "", true), c.got.get(0));
        assertEquals(5_000_003, s.position());
    }

    @Test
    void longLinesUnderTheCapGrowTheBufferAndComeOutWhole() throws IOException {
        String big = "q".repeat(3 * LineSplitter.CHUNK + 17);
        Collector c = split(utf8("a\n" + big + "\nb\n"), LineSplitter.CHUNK, 1 << 20);
        assertEquals(List.of("a", big, "b"), c.texts());
        assertEquals(2 + big.length() + 1, c.got.get(2).offset());
    }

    @Test
    void resetStartsAgainAtAGivenOffsetAndDropsThePartialLine() throws IOException {
        LineSplitter s = new LineSplitter(100);
        Collector c = new Collector();
        s.reset("a", 0);
        s.readFrom(new ByteArrayInputStream(utf8("x\npartial"))::read, 100, c);
        s.reset("b", 500);
        s.readFrom(new ByteArrayInputStream(utf8("line\n"))::read, 100, c);
        assertEquals(List.of(new Collector.Got("a", 0, 2, "x", false), new Collector.Got("b", 500, 505, "line", false)), c.got);
        assertEquals(0, s.pendingBytes());
    }

    @Test
    void startSkippingCountsTheRestOfALongLineAsOneOversizedLine() throws IOException {
        LineSplitter s = new LineSplitter(5);
        Collector c = new Collector();
        s.reset("f", 100);
        s.startSkipping(40);
        s.readFrom(new ByteArrayInputStream(utf8("tail\nok\n"))::read, 100, c);
        assertEquals(List.of(new Collector.Got("f", 40, 105, "", true), new Collector.Got("f", 105, 108, "ok", false)), c.got);
    }
    /**
     * The word-at-a-time newline search against a byte loop: every start and end inside buffers whose
     * bytes sit next to 0x0A in value (0x09, 0x0B, 0x8A, 0x0A with the high bit, 0x00, 0xFF, 0x01) and
     * random ones, one or two newlines at every position, so every lane of a word and every tail length
     * is covered.
     */
    @Test
    void wordwiseNewlineSearchFindsTheFirstNewlineLikeAByteLoop() {
        byte[] near = {0x09, 0x0B, (byte) 0x8A, 0x00, (byte) 0xFF, 0x01, 0x1A, 0x7A, 0x2A};
        java.util.Random random = new java.util.Random(4);
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            byte[] b = new byte[1 + random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                b[k] = round % 2 == 0 ? near[random.nextInt(near.length)] : (byte) random.nextInt(256);
            }
            int newlines = random.nextInt(3);
            for (int n = 0; n < newlines; n++) {
                b[random.nextInt(b.length)] = '\n';
            }
            for (int from = 0; from <= b.length; from++) {
                for (int lim = from; lim <= b.length; lim++) {
                    int expected = -1;
                    for (int k = from; k < lim; k++) {
                        if (b[k] == '\n') {
                            expected = k;
                            break;
                        }
                    }
                    assertEquals(expected, LineSplitter.newline(b, from, lim), () -> Arrays.toString(b));
                    checked++;
                }
            }
        }
        assertTrue(checked > 100_000, "cases checked: " + checked);
    }
}
