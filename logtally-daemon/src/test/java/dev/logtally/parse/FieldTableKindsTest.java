package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every kind of field the table tells apart is its own number. Two kinds that shared one (the captured
 * fingerprint and the nested-object prefix, both 15, when two changes met) made the parser take every
 * {@code fingerprint} value for a nested object and drop it: error groups collapsed without a word.
 */
class FieldTableKindsTest {

    @Test
    void everyKindHasItsOwnNumber() throws IllegalAccessException {
        Map<Integer, String> byNumber = new TreeMap<>();
        for (Field f : FieldTable.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())) {
                String before = byNumber.put(f.getInt(null), f.getName());
                assertEquals(null, before, f.getName() + " has the number of " + before);
            }
        }
        assertEquals(19, byNumber.size(), "kinds: " + byNumber);
    }

    @Test
    void aCapturedFingerprintIsReadBesideANestedField() {
        ParserOptions options = ParserOptions.builder().name(LogField.LEVEL, "log.level").captureAll().build();
        byte[] json = "{\"log\":{\"level\":\"ERROR\"},\"fingerprint\":\"fp-7\",\"message\":\"m\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (boolean fast : new boolean[] {true, false}) {
            Event e = new LineParser(options, fast).parse(new dev.logtally.source.Line("t", 0, json.length + 1, json, 0, json.length, false),
                    ParseErrorSink.IGNORE);
            assertEquals("fp-7", e.fingerprint(), "fast path " + fast);
            assertEquals("ERROR", e.level(), "fast path " + fast);
        }
    }
}
