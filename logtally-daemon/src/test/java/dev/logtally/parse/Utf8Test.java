package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The UTF-8 check agrees with the JDK's strict decoder, including inside and across 8-byte words. */
class Utf8Test {

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(42);
        byte[] buf = new byte[40];
        for (int n = 0; n < 300_000; n++) {
            int start = random.nextInt(8);
            int length = random.nextInt(buf.length - start + 1);
            for (int i = 0; i < buf.length; i++) {
                // Mostly ASCII, some lead and continuation bytes, so valid sequences do occur.
                int kind = random.nextInt(10);
                buf[i] = (byte) (kind < 6 ? random.nextInt(0x80)
                        : kind < 8 ? 0x80 + random.nextInt(0x40)
                        : 0xC0 + random.nextInt(0x40));
            }
            assertEquals(jdkAccepts(buf, start, length), Utf8.isValid(buf, start, length),
                    () -> HexFormat.of().formatHex(buf, start, start + length));
        }
    }

    @Test
    void looksOnlyInsideTheWindow() {
        // Invalid bytes all around: reading one byte too far, or too early, would reject the window.
        for (int length = 0; length <= 100; length++) {
            for (int start = 1; start < 10; start++) {
                byte[] buf = new byte[start + length + 9];
                java.util.Arrays.fill(buf, (byte) 0xFF);
                java.util.Arrays.fill(buf, start, start + length, (byte) 'a');
                assertTrue(Utf8.isValid(buf, start, length), length + " at " + start);
                if (length > 0) {
                    buf[start + length - 1] = (byte) 0xC3; // cut-off sequence at the very end
                    assertFalse(Utf8.isValid(buf, start, length), length + " at " + start);
                }
            }
        }
    }

    @Test
    void acceptsEveryCodePointAtEveryAlignment() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x800 ? 1 : 61) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            byte[] encoded = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            for (int pad = 0; pad < 9; pad++) {
                byte[] buf = new byte[pad + encoded.length + 3];
                java.util.Arrays.fill(buf, (byte) 'a');
                System.arraycopy(encoded, 0, buf, pad, encoded.length);
                assertTrue(Utf8.isValid(buf, 0, buf.length), "U+" + Integer.toHexString(cp) + " at " + pad);
            }
        }
    }

    @Test
    void rejectsTheClassicMistakes() {
        String[] bad = {"80", "bf", "c0af", "c1bf", "e080af", "eda080", "edbfbf", "f08080af", "f4908080", "f5808080",
            "ff", "fe", "e282", "f09f98", "c3", "c328", "e28228", "f09f2880"};
        for (String hex : bad) {
            byte[] b = HexFormat.of().parseHex("6162636465666768" + hex + "6162");
            assertFalse(Utf8.isValid(b, 0, b.length), hex);
            assertFalse(Utf8.isValid(b, 8, b.length - 8), hex);
        }
        // The cut-off sequence is outside the window: what is inside is valid.
        byte[] b = HexFormat.of().parseHex("61e282ac62e282");
        assertTrue(Utf8.isValid(b, 0, 5));
        assertFalse(Utf8.isValid(b, 0, 6));
        assertTrue(Utf8.isValid(new byte[0], 0, 0));
    }

    private static boolean jdkAccepts(byte[] buf, int start, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
