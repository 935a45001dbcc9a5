package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteNamesTest {

    /** Names of every length 0–40, some sharing their first 16 bytes and length, one non-ASCII. */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_@.-";
        for (int len = 0; len <= 40; len++) {
            names.add(alphabet.substring(0, len));
        }
        names.add("abcdefghijklmnopXX");   // same first 16 bytes and length as names.get(18)
        names.add("abcdefghijklmnopqrstuvwxyz0123456789_@.+");
        names.add("durée_ms");
        return names;
    }

    /** {@code name} placed at {@code at} in a buffer whose end is {@code tail} bytes after the name. */
    private static byte[] placed(byte[] name, int at, int tail, byte fill) {
        byte[] b = new byte[at + name.length + tail];
        java.util.Arrays.fill(b, fill);
        System.arraycopy(name, 0, b, at, name.length);
        return b;
    }

    @Test
    void everyNameIsFoundAtEveryAlignmentAndBufferEnd() {
        List<String> names = names();
        ByteNames table = new ByteNames(names);
        int checked = 0;
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < 9; at++) {
                for (int tail = 0; tail < 9; tail++) {
                    byte[] b = placed(name, at, tail, (byte) 'q');
                    assertEquals(i, table.slot(b, at, at + name.length), names.get(i) + " at " + at + ", tail " + tail);
                    checked++;
                }
            }
        }
        assertEquals(names.size() * 81, checked);
    }

    @Test
    void nearMissesAreNotFound() {
        List<String> names = names();
        ByteNames table = new ByteNames(names);
        List<String> misses = new ArrayList<>();
        for (String n : names) {
            misses.add(n + "x");
            if (!n.isEmpty()) {
                misses.add(n.substring(0, n.length() - 1) + "!");
                misses.add("!" + n.substring(1));
            }
        }
        misses.add("abcdefghijklmnopXY");
        misses.add("durée_mS");
        misses.add("duree_ms");
        int checked = 0;
        for (String miss : misses) {
            if (names.contains(miss)) {
                continue;
            }
            byte[] m = miss.getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at < 9; at++) {
                for (int tail = 0; tail < 9; tail++) {
                    byte[] b = placed(m, at, tail, (byte) 0);
                    assertEquals(-1, table.slot(b, at, at + m.length), miss + " at " + at + ", tail " + tail);
                    checked++;
                }
            }
        }
        assertEquals(true, checked > 100 * 81, "checked " + checked);
    }

    @Test
    void aNameWithoutAUtf8FormIsLeftOut() {
        ByteNames table = new ByteNames(List.of("a\uD800", "level"));
        byte[] level = "level".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, table.slot(level, 0, level.length));
        byte[] replaced = "a\uD800".getBytes(StandardCharsets.UTF_8); // "a?"
        assertEquals(-1, table.slot(replaced, 0, replaced.length));
    }
}
