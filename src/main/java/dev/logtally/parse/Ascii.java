package dev.logtally.parse;

/**
 * Copies text held as chars (Jackson's buffers) to bytes, for text whose every valid form is ASCII: one
 * char is one byte. The byte readers ({@link IsoTimestamp}, {@link NumberText}) serve the Jackson path
 * through {@link #bytes}.
 *
 * <pre>{@code
 * long ms = IsoTimestamp.parse(Ascii.bytes(chars, off, len), 0, len);
 * }</pre>
 */
final class Ascii {
    private Ascii() {
    }

    /**
     * {@code c[off, off + len)} as bytes, each char below 0x80 as itself and any other as 0xFF, a byte no
     * ASCII grammar accepts (so a text that is not ASCII stays invalid).
     */
    static byte[] bytes(char[] c, int off, int len) {
        byte[] b = new byte[len];
        for (int k = 0; k < len; k++) {
            char ch = c[off + k];
            b[k] = ch < 0x80 ? (byte) ch : (byte) 0xFF;
        }
        return b;
    }
}
