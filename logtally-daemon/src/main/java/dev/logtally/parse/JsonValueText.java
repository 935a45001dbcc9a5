package dev.logtally.parse;

import java.nio.charset.StandardCharsets;

/**
 * The text of one JSON value straight from a line's bytes, as {@link FieldReader} reads a text field: a
 * string decoded (escapes, UTF-8), a number or boolean as written, {@code null}, an object or an array as
 * absent (null). For values whose place the parser only noted ({@link ParserOptions.Builder#note}), decoded
 * after the line turned out to be an error event; the bytes are known to be one valid JSON value in valid
 * UTF-8 (the parser read the line), so nothing is checked again.
 *
 * <pre>{@code
 * String message = JsonValueText.at(buf, start + noted, start + length);   // "boom \"x\""
 * }</pre>
 */
final class JsonValueText {
    private JsonValueText() {
    }

    /** The text of the value starting at {@code b[at]}; {@code end} bounds the line. */
    static String at(byte[] b, int at, int end) {
        byte c = b[at];
        if (c == '"') {
            return string(b, at + 1, end);
        }
        if (c == 'n' || c == '{' || c == '[') {
            return null;
        }
        int j = at;
        while (j < end && scalarByte(b[j])) {
            j++;
        }
        return new String(b, at, j - at, StandardCharsets.ISO_8859_1); // a number or literal: ASCII
    }

    private static boolean scalarByte(byte c) {
        return c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\r' && c != '\n';
    }

    /** The string whose content starts at {@code b[from]}, up to its closing quote. */
    private static String string(byte[] b, int from, int end) {
        int j = from;
        while (j < end && b[j] != '"' && b[j] != '\\') {
            j++;
        }
        if (j < end && b[j] == '"') {
            return new String(b, from, j - from, StandardCharsets.UTF_8); // no escape: the common case
        }
        StringBuilder sb = new StringBuilder(j - from + 16);
        int run = from;
        while (j < end) {
            byte c = b[j];
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                j++;
                continue;
            }
            sb.append(new String(b, run, j - run, StandardCharsets.UTF_8));
            byte e = b[j + 1];
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> sb.append((char) Integer.parseInt(new String(b, j + 2, 4, StandardCharsets.ISO_8859_1), 16));
                default -> sb.append((char) e); // \" \\ \/
            }
            j += e == 'u' ? 6 : 2;
            run = j;
        }
        sb.append(new String(b, run, j - run, StandardCharsets.UTF_8));
        return sb.toString();
    }
}
