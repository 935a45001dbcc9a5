package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path ({@link LineScanner}) must give exactly what Jackson gives: every line is parsed twice,
 * by a {@link LineParser} with the fast path and by one without it, and the two renderings must be equal,
 * over every golden case (with its options), over mutated lines, and over lines at the edges of Jackson's
 * limits. The fast path must also really read the drop-in's lines itself, or it would speed up nothing.
 */
class LineScannerTest {
    private static final String[] CASES = Golden.cases().toArray(String[]::new);

    static List<String> cases() {
        return Golden.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void agreesWithJacksonOnEveryGoldenCase(String name) throws IOException {
        ParserOptions options = LineParserGoldenTest.options(name);
        List<byte[]> lines = Golden.lines(Golden.resource(name + ".jsonl"));
        assertEquals(Golden.render(lines, new LineParser(options, false)), Golden.render(lines, new LineParser(options, true)));
        ParserOptions all = ParserOptions.builder().captureAll().gauges(List.of("queue_depth", "active_connections")).build();
        assertEquals(Golden.render(lines, new LineParser(all, false)), Golden.render(lines, new LineParser(all, true)));
        compareNoted(lines, options);
    }

    /** The texts of error groups as values that the scanner reads, skips, or declines for Jackson. */
    @Test
    void notedTextsAreWhatACapturingParserReads() {
        List<byte[]> lines = new ArrayList<>();
        String[] values = {"\"plain\"", "\"\"", "\"caf\u00e9 \u20ac \ud83d\ude00\"", "\"a\\nb\\t\\\"q\\\" \\\\ \\/ \\u00e9 \\ud83d\\ude00\"",
            "42", "-1.50e+3", "true", "false", "null", "{\"a\":\"b\"}", "[1,\"x\"]", "\"" + "m".repeat(2000) + "\""};
        for (String v : values) {
            for (String name : new String[] {"message", "correlation_id", "release", "stack_hash", "fingerprint", "stack_trace"}) {
                lines.add(bytes("{\"level\":\"ERROR\",\"" + name + "\":" + v + "}"));
                lines.add(bytes("{\"" + name + "\":" + v + " , \"level\":\"ERROR\",\"" + name + "\":" + v + "}"));
                lines.add(bytes("{\"level\":\"ERROR\",\"" + name + "\":\"first\",\"" + name + "\":" + v + "}"));
            }
        }
        compareNoted(lines, ParserOptions.defaults());
        compareNoted(lines, ParserOptions.builder().labels(List.of("release")).build());
    }

    @Test
    void readsTheDropInLinesWithoutJackson() throws IOException {
        LineScanner scanner = scanner(ParserOptions.builder().gauges(List.of("active_connections")).build());
        List<byte[]> lines = Golden.lines(Golden.resource("logstash.jsonl"));
        int read = 0;
        for (byte[] line : lines) {
            read += scanner.read(line, 0, line.length, values()) ? 1 : 0;
        }
        // Every line of the real encoder's output but none: escapes only ever sit in the unread stack traces.
        assertEquals(lines.size(), read);
    }

    @Test
    void declinesWhatItIsNotSureOf() {
        LineScanner scanner = scanner(ParserOptions.defaults());
        String[] declined = {
            "", " ", "[]", "\"x\"", "{", "{}x", "{} {}", "{\"level\":\"INFO\"}{}", "\uFEFF{}",
            "{\"lev\\u0065l\":\"INFO\"}",          // escape in a name
            "{\"level\":\"IN\\u0046O\"}",          // escape in a read value
            "{\"service\":\"caf\u00e9\"}",         // non-ASCII read value
            "{\"service\":42}", "{\"level\":true}", "{\"@timestamp\":1795521382123}", "{\"method\":[\"a\"]}",
            "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":tru}",
            "{\"a\":truex}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\t\"}", "{\"a\":1,}", "{\"a\" 1}",
            "{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":1}\u000b",
            "{\"a\":" + "[".repeat(LineScanner.MAX_DEPTH) + "]".repeat(LineScanner.MAX_DEPTH) + "}",
            "{\"a\":" + "1".repeat(LineScanner.MAX_NUMBER + 1) + "}",
            "{\"" + "n".repeat(LineScanner.MAX_NAME + 1) + "\":1}",
            "{\"service\":\"" + "s".repeat(LineScanner.MAX_VALUE + 1) + "\"}",
        };
        for (String line : declined) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertEquals(false, scanner.read(b, 0, b.length, values()), line);
        }
        String[] read = {
            "{}", " { } ", "{\"a\":{}}", "{\"a\":[]}", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}", "{\"a\":\"caf\u00e9\"}",
            "{\"a\":-0.5E+3,\"b\":true,\"c\":false,\"d\":null}", "{\"level\":null,\"duration_ms\":\"12.5\"}",
            "{\"a\":" + "[".repeat(LineScanner.MAX_DEPTH - 1) + "]".repeat(LineScanner.MAX_DEPTH - 1) + "}",
            "{\"a\":" + "1".repeat(LineScanner.MAX_NUMBER) + "}",
            "{\"" + "n".repeat(LineScanner.MAX_NAME) + "\":1}",
            "{\"service\":\"" + "s".repeat(LineScanner.MAX_VALUE) + "\"}",
        };
        for (String line : read) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertEquals(true, scanner.read(b, 0, b.length, values()), line);
        }
    }

    @Test
    void agreesWithJacksonAtTheEdgesOfItsLimits() {
        List<byte[]> lines = new ArrayList<>();
        for (int depth : new int[] {63, 64, 65, 499, 500, 501}) {
            lines.add(bytes("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"level\":\"INFO\"}"));
            lines.add(bytes("{\"a\":" + "{\"b\":".repeat(depth) + "1" + "}".repeat(depth) + ",\"level\":\"INFO\"}"));
        }
        for (int n : new int[] {100, 101, 1000, 1001}) {
            lines.add(bytes("{\"a\":" + "9".repeat(n) + ",\"duration_ms\":" + "1".repeat(n) + "}"));
        }
        for (int n : new int[] {1024, 1025, 50_000, 50_001}) {
            lines.add(bytes("{\"" + "n".repeat(n) + "\":1,\"x\":{\"" + "m".repeat(n) + "\":2},\"level\":\"WARN\"}"));
            lines.add(bytes("{\"service\":\"" + "s".repeat(n) + "\",\"level\":\"" + "w".repeat(n) + "\"}"));
        }
        compare(lines, ParserOptions.defaults());
        compare(lines, ParserOptions.builder().captureAll().build());
    }

    @Test
    void agreesWithJacksonOnMutatedLines() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : CASES) {
            seeds.addAll(Golden.lines(Golden.resource(name + ".jsonl")));
        }
        Random random = new Random(20261124L);
        byte[] alphabet = concat(bytes("{}[]:,\"\\ \t\r0123456789-+.eEtrufalsn/bu\u00e9\u20ac\ud83d\ude00xA"),
                new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0x80, (byte) 0xBF, (byte) 0xED, (byte) 0xA0, (byte) 0xF4, (byte) 0x90});
        List<byte[]> mutated = new ArrayList<>();
        for (int n = 0; n < 40_000; n++) {
            byte[] line = seeds.get(random.nextInt(seeds.size()));
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                line = mutate(line, random, alphabet);
            }
            mutated.add(line);
        }
        ParserOptions tailer = ParserOptions.builder().gauges(List.of("queue_depth", "active_connections")).build();
        int fast = compare(mutated, tailer);
        compare(mutated, ParserOptions.builder().captureAll().build());
        compare(mutated, LineParserGoldenTest.options("ecs-nested"));
        compareNoted(mutated, tailer);
        compareNoted(mutated, LineParserGoldenTest.options("ecs-nested"));
        // The mutations must leave enough lines for the fast path to read, or the comparison proves little.
        assertTrue(fast > mutated.size() / 5, fast + " of " + mutated.size() + " mutated lines read by the fast path");
    }

    /**
     * Names are matched from the 8-byte words that find their end: every length 0–40 (the configured names,
     * their prefixes and extensions), with an escape, a quote, a control byte or a non-ASCII byte at every
     * position, at every distance from the line's end (the last 16 bytes take the byte-wise way).
     */
    @Test
    void agreesWithJacksonOnNamesOfEveryLengthAndPlace() {
        List<String> names = new ArrayList<>();
        for (String n : new String[] {"level", "service", "@timestamp", "duration_ms", "error_type", "method",
            "stack_trace", "queue_depth", "correlation_id", "a_name_of_sixteen", "x"}) {
            names.add(n);
            names.add(n.substring(0, n.length() - 1));
            names.add(n + "_");
            names.add(n + "_".repeat(40 - Math.min(40, n.length())));
        }
        names.add("");
        String[] specials = {"\\u0065", "\\\"", "\u00e9", "\t", "\\n"};
        List<byte[]> lines = new ArrayList<>();
        int plain = 0;
        for (String name : names) {
            plain += 2 * 7;
            List<String> variants = new ArrayList<>(List.of(name));
            for (String special : specials) {
                for (int at = 0; at <= name.length(); at++) {
                    variants.add(name.substring(0, at) + special + name.substring(at));
                }
            }
            for (String variant : variants) {
                for (int tail = 0; tail < 20; tail += 3) {
                    lines.add(bytes("{\"level\":\"WARN\",\"" + variant + "\":\"v\"" + " ".repeat(tail) + "}"));
                    lines.add(bytes("{\"" + variant + "\":" + "1".repeat(1 + tail) + "}"));
                }
            }
        }
        ParserOptions tailer = ParserOptions.builder().gauges(List.of("queue_depth", "a_name_of_sixteen")).build();
        int fast = compare(lines, tailer);
        compare(lines, ParserOptions.builder().captureAll().build());
        // Lines whose names hold nothing special are the fast path's, but for a number given to a text field.
        assertTrue(fast > plain * 9 / 10, fast + " of " + plain + " plain lines read by the fast path");
    }

    /** The word test's lowest mark is the first quote, backslash, control or non-ASCII byte, for any word. */
    @Test
    void theWordTestMarksTheFirstSpecialByte() {
        byte[] near = {0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x1F, 0x20, 0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xA2,
            (byte) 0xDC, (byte) 0xFF, 0x41, 0x02, 0x24};
        Random random = new Random(11);
        for (int n = 0; n < 500_000; n++) {
            long w = 0;
            int first = 8;
            for (int k = 0; k < 8; k++) {
                byte c = n % 2 == 0 ? near[random.nextInt(near.length)] : (byte) random.nextInt(256);
                if (n % 3 == 0 && random.nextInt(3) > 0) {
                    c = (byte) (0x20 + random.nextInt(0x5F)); // mostly ordinary text, specials rarer
                }
                w |= (c & 0xFFL) << (8 * k);
                boolean special = c == '"' || c == '\\' || (c & 0xFF) < 0x20 || (c & 0xFF) >= 0x80;
                if (special && first == 8) {
                    first = k;
                }
            }
            long m = LineScanner.specials(w);
            int got = m == 0 ? 8 : Long.numberOfTrailingZeros(m) >>> 3;
            assertEquals(first, got, Long.toHexString(w));
        }
    }

    @Test
    void readsALineExactlyWhenItsStringsAreUtf8() {
        // Strings of random bytes (never a quote, backslash or control character), at every alignment to the
        // 8-byte words: the only reason left to decline is bytes that are not UTF-8.
        Random random = new Random(7);
        LineScanner scanner = scanner(ParserOptions.defaults());
        List<byte[]> lines = new ArrayList<>();
        int read = 0;
        for (int n = 0; n < 100_000; n++) {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            for (int i = random.nextInt(16); i > 0; i--) {
                int kind = random.nextInt(20);
                if (kind < 12) {
                    text.write(kind == 0 ? 0x7F : 0x20 + random.nextInt(0x5F)); // ASCII
                } else if (kind < 19) {
                    // A valid character of 2, 3 or 4 bytes (lone surrogates are not UTF-8 and get replaced).
                    int cp = switch (kind % 3) {
                        case 0 -> 0x80 + random.nextInt(0x780);
                        case 1 -> 0x800 + random.nextInt(0xF800);
                        default -> 0x10000 + random.nextInt(0x100000);
                    };
                    text.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                } else {
                    text.write(0x80 + random.nextInt(0x80)); // a stray byte: the line is then not UTF-8
                }
            }
            byte[] raw = text.toByteArray();
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == '"' || raw[i] == '\\') {
                    raw[i] = 'x';
                }
            }
            byte[] line = concat(bytes("{\"" + "m".repeat(random.nextInt(9)) + "\":\""), raw, bytes("\",\"level\":\"INFO\"}"));
            boolean valid = Utf8.isValid(line, 0, line.length);
            assertEquals(valid, scanner.read(line, 0, line.length, values()), () -> hex(line));
            read += valid ? 1 : 0;
            lines.add(line);
        }
        assertTrue(read > 10_000 && read < 90_000, read + " valid lines: the test must see both kinds");
        compare(lines, ParserOptions.defaults());
    }

    /** Renders {@code lines} through both paths, asserts equality; returns how many the fast path read. */
    /**
     * The tailer's error-group texts, noted on either path and decoded ({@link LineParser#withTexts},
     * {@link LineParser#withStack}), must be exactly what Jackson reads when it captures them.
     */
    private static void compareNoted(List<byte[]> lines, ParserOptions options) {
        LogField[] texts = {LogField.MESSAGE, LogField.CORRELATION_ID, LogField.RELEASE, LogField.STACK_HASH,
            LogField.FINGERPRINT};
        ParserOptions noting = options.noting(texts);
        ParserOptions capturing = options.capturing(texts).capturing(LogField.STACK_TRACE);
        String captured = notedRender(lines, new LineParser(capturing, false), false);
        assertEquals(captured, notedRender(lines, new LineParser(noting, false), true));
        assertEquals(captured, notedRender(lines, new LineParser(noting, true), true));
    }

    private static String notedRender(List<byte[]> lines, LineParser parser, boolean decode) {
        StringBuilder out = new StringBuilder();
        for (byte[] b : lines) {
            dev.logtally.source.Line line = new dev.logtally.source.Line("t", 0, b.length + 1, b, 0, b.length, false);
            List<ParseError> errors = new ArrayList<>();
            Event e = parser.parse(line, (error, bad) -> errors.add(error));
            if (e != null && decode) {
                e = parser.withStack(parser.withTexts(e, line), line);
            }
            out.append(EventText.render(e, errors)).append(" fingerprint=").append(e == null ? "-" : e.fingerprint()).append('\n');
        }
        return out.toString();
    }

    private static int compare(List<byte[]> lines, ParserOptions options) {
        assertEquals(Golden.render(lines, new LineParser(options, false)), Golden.render(lines, new LineParser(options, true)));
        LineScanner scanner = scanner(options);
        int read = 0;
        for (byte[] line : lines) {
            if (scanner.read(line, 0, line.length, values())) {
                assertTrue(Utf8.isValid(line, 0, line.length), () -> "read a line that is not UTF-8: " + hex(line));
                read++;
            }
        }
        return read;
    }

    private static byte[] mutate(byte[] line, Random random, byte[] alphabet) {
        int at = line.length == 0 ? 0 : random.nextInt(line.length);
        byte b = alphabet[random.nextInt(alphabet.length)];
        return switch (random.nextInt(4)) {
            case 0 -> splice(line, at, Math.min(line.length, at + 1), new byte[0]);                 // delete a byte
            case 1 -> splice(line, at, at, new byte[] {b});                                          // insert one
            case 2 -> splice(line, at, Math.min(line.length, at + 1), new byte[] {b});               // replace one
            default -> {                                                                             // repeat a span
                int to = Math.min(line.length, at + 1 + random.nextInt(12));
                yield splice(line, to, to, java.util.Arrays.copyOfRange(line, at, to));
            }
        };
    }

    private static byte[] splice(byte[] line, int from, int to, byte[] insert) {
        byte[] out = new byte[line.length - (to - from) + insert.length];
        System.arraycopy(line, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(line, to, out, from + insert.length, line.length - to);
        return out;
    }

    private static LineScanner scanner(ParserOptions options) {
        LabelCache labels = new LabelCache();
        return new LineScanner(new FieldTable(options), labels, new Levels(labels));
    }

    private static EventValues values() {
        EventValues v = new EventValues(2, 2);
        v.reset();
        return v;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
