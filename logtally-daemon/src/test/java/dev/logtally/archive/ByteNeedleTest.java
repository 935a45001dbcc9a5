package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteNeedleTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheIdWhereverItIsAndNothingElse() {
        ByteNeedle n = ByteNeedle.forId("abc123");
        byte[] line = b("abc123 xx abc12 abc123");
        assertEquals(0, n.indexIn(line, 0, line.length));
        assertEquals(16, n.indexIn(line, 1, line.length));
        assertEquals(-1, n.indexIn(line, 1, 21), "an occurrence that ends past the range does not count");
        assertEquals(-1, n.indexIn(b("abc12"), 0, 5));
        assertEquals(-1, n.indexIn(b(""), 0, 0));
    }

    @Test
    void theNeedleIsTheLongestRunEveryWriterWritesAsIs() {
        assertArrayEquals(b("a56f7570fa42cebec53d3c4bb3b93303"), ByteNeedle.forId("a56f7570fa42cebec53d3c4bb3b93303").bytes());
        // A quote or backslash may be escaped, '/' too (\/), non-ASCII as \\uXXXX: the needle avoids them.
        assertArrayEquals(b("request-42"), ByteNeedle.forId("ab\"request-42\\x").bytes());
        assertArrayEquals(b("order"), ByteNeedle.forId("ü/order/7").bytes());
        ByteNeedle none = ByteNeedle.forId("\"\"");
        assertEquals(0, none.bytes().length);
        assertEquals(3, none.indexIn(b("anything"), 3, 8), "an empty needle matches every line");
    }

    @Test
    void agreesWithStringIndexOfOnRandomText() {
        Random r = new Random(5);
        for (int round = 0; round < 2000; round++) {
            String alphabet = "abc";
            StringBuilder hay = new StringBuilder();
            for (int i = r.nextInt(60); i > 0; i--) {
                hay.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            StringBuilder id = new StringBuilder();
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
                id.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            ByteNeedle n = ByteNeedle.forId(id.toString());
            int from = hay.length() == 0 ? 0 : r.nextInt(hay.length());
            assertEquals(hay.indexOf(id.toString(), from), n.indexIn(b(hay.toString()), from, hay.length()),
                    "'" + id + "' in '" + hay + "' from " + from);
        }
    }
}
