package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelCacheTest {
    private final LabelCache cache = new LabelCache();

    private String intern(String s) {
        char[] c = ("<" + s + ">").toCharArray();
        return cache.intern(c, 1, s.length());
    }

    @Test
    void sameTextSameInstance() {
        String a = intern("payments");
        assertEquals("payments", a);
        assertSame(a, intern("payments"));
        assertSame(intern(""), intern(""));
    }

    @Test
    void hostileValuesDoNotGrowItAndCommonOnesSurvive() {
        String common = intern("orders");
        for (int i = 0; i < 10_000; i++) {
            String v = "svc-" + i;
            assertEquals(v, intern(v));
            if (i % 100 == 0) {
                intern("orders"); // keeps being looked up; may be evicted, but stays equal
            }
        }
        assertTrue(cache.size() <= LabelCache.SLOTS, "size " + cache.size());
        assertEquals(LabelCache.SLOTS, cache.size());
        assertEquals(common, intern("orders"));
        String again = intern("orders");
        assertSame(again, intern("orders"));
    }

    @Test
    void longValuesAreNotKept() {
        String longValue = "x".repeat(LabelCache.MAX_LENGTH + 1);
        String a = intern(longValue);
        assertEquals(longValue, a);
        assertNotSame(a, intern(longValue));
        assertEquals(0, cache.size());
    }
    @Test
    void bytesAndCharsOfTheSameTextGiveTheSameInstance() {
        byte[] b = "xxorders|GET /api/orders/{id}|yy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String fromBytes = cache.intern(b, 2, 6);
        assertEquals("orders", fromBytes);
        assertSame(fromBytes, intern("orders"));
        String method = intern("GET /api/orders/{id}");
        assertSame(method, cache.intern(b, 9, 20));
        assertSame(cache.intern(b, 9, 20), cache.intern(b, 9, 20));
        assertNotSame(method, cache.intern(b, 9, 19)); // a prefix is another value
        assertEquals("GET /api/orders/{id", cache.intern(b, 9, 19));
        byte[] longer = "z".repeat(LabelCache.MAX_LENGTH + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("z".repeat(LabelCache.MAX_LENGTH + 1), cache.intern(longer, 0, longer.length));
        assertNotSame(cache.intern(longer, 0, longer.length), cache.intern(longer, 0, longer.length));
    }
    @Test
    void aTextHasOneHashAsCharsAndAsBytesAtAnyOffset() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 2_000; n++) {
            char[] text = new char[random.nextInt(41)];
            for (int k = 0; k < text.length; k++) {
                text[k] = (char) (0x20 + random.nextInt(0x5F));
            }
            int off = random.nextInt(9);
            byte[] b = new byte[off + text.length + random.nextInt(3)];
            for (int k = 0; k < text.length; k++) {
                b[off + k] = (byte) text[k];
            }
            assertEquals(LabelCache.hash(text, 0, text.length), LabelCache.hash(b, off, text.length), new String(text));
            LabelCache fresh = new LabelCache();
            assertSame(fresh.intern(b, off, text.length), fresh.intern(text, 0, text.length), new String(text));
        }
    }

    /** Hashes take each char's low byte: a non-ASCII text can share its hash (and set) with an ASCII one. */
    @Test
    void textsWithTheSameHashStayApart() {
        String polish = intern("\u0141x"); // U+0141 has the low byte of 'A'
        assertEquals(LabelCache.hash("\u0141x".toCharArray(), 0, 2), LabelCache.hash("Ax".toCharArray(), 0, 2));
        String ascii = cache.intern("Ax".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 2);
        assertEquals(java.util.List.of("\u0141x", "Ax", 2), java.util.List.of(polish, ascii, cache.size()));
        assertSame(ascii, intern("Ax"));
        assertSame(polish, intern("\u0141x"));
    }
}
