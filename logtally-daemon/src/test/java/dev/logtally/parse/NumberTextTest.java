package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers in strings: exactly what {@link Double#parseDouble} gives, for the JSON grammar only. */
class NumberTextTest {

    @Test
    void agreesWithParseDoubleOnRandomJsonNumbers() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            if (random.nextInt(4) == 0) {
                sb.append('-');
            }
            int intDigits = 1 + random.nextInt(random.nextInt(3) == 0 ? 22 : 6);
            sb.append(intDigits == 1 ? (char) ('0' + random.nextInt(10)) : (char) ('1' + random.nextInt(9)));
            for (int i = 1; i < intDigits; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                sb.append('.');
                int fracDigits = 1 + random.nextInt(random.nextInt(3) == 0 ? 25 : 6);
                for (int i = 0; i < fracDigits; i++) {
                    sb.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(4) == 0) {
                sb.append(random.nextBoolean() ? 'e' : 'E');
                int sign = random.nextInt(3);
                sb.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
                sb.append(random.nextInt(random.nextBoolean() ? 30 : 400));
            }
            String s = sb.toString();
            assertEquals(Double.parseDouble(s), NumberText.parse(s.toCharArray(), 0, s.length()), s);
            byte[] bytes = ("\u00e9" + s + "\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Double.parseDouble(s), NumberText.parse(bytes, 2, s.length()), s);
        }
    }

    @Test
    void readsWithinAWindow() {
        char[] c = "xx12.5yy".toCharArray();
        assertEquals(12.5, NumberText.parse(c, 2, 4));
    }

    @Test
    void rejectsWhatJsonDoesNotCallANumber() {
        for (String bad : new String[] {"", "-", "+1", " 1", "1 ", "01", "-01", "1.", ".5", "1e", "1e+", "0x10", "NaN",
            "Infinity", "-Infinity", "1_000", "1,5", "1.5.5", "1e5e5", "١٢", "1d", "1f", "--1"}) {
            assertTrue(Double.isNaN(NumberText.parse(bad.toCharArray(), 0, bad.length())), bad);
        }
    }
}
