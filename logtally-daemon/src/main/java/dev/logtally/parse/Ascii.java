package dev.logtally.parse;

/**
 * Copies between text held as chars (Jackson's buffers) and as bytes (a line's), for text whose every
 * valid form is ASCII: one char is one byte. The byte readers ({@link IsoTimestamp}, {@link NumberText})
 * serve the Jackson path through {@link #bytes}; {@link LabelCache} stores a value read from bytes through
 * {@link #chars}.
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

    /** The ASCII bytes {@code b[off, off + len)} as chars. */
    static char[] chars(byte[] b, int off, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = (char) b[off + i];
        }
        return c;
    }
}
