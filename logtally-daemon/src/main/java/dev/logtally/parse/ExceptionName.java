package dev.logtally.parse;

/**
 * Finds the error type of an event that has no {@code error_type} field: the simple class name of the
 * exception at the head of its stack trace, i.e. the first line up to {@code :} or whitespace, after the
 * last {@code .}. {@code java.net.SocketTimeoutException: connect timed out\n\tat ...} and the shortened
 * {@code j.n.SocketTimeoutException: ...} both give {@code SocketTimeoutException}.
 *
 * <p>When the tailer does not capture stack traces, Jackson skips the (1–2 KB) value without decoding it
 * and {@link #fromJson} reads only the head straight from the line's bytes, decoding JSON escapes. A head
 * longer than {@value #MAX_HEAD} characters is not a class name and gives null.
 *
 * <pre>{@code
 * ExceptionName names = new ExceptionName(new LabelCache());
 * names.fromText("java.lang.IllegalStateException: boom");   // "IllegalStateException"
 * }</pre>
 */
final class ExceptionName {
    static final int MAX_HEAD = 256;

    private final LabelCache cache;
    private final char[] head = new char[MAX_HEAD + 1];

    ExceptionName(LabelCache cache) {
        this.cache = cache;
    }

    /** The simple class name at the head of {@code trace}, or null. */
    String fromText(String trace) {
        int n = 0;
        for (int i = 0, len = trace.length(); i < len; i++) {
            char ch = trace.charAt(i);
            if (ends(ch)) {
                break;
            }
            if (n == MAX_HEAD) {
                return null;
            }
            head[n++] = ch;
        }
        return simpleName(n);
    }

    /**
     * The simple class name at the head of the JSON string whose opening quote is at {@code buf[quote]};
     * {@code end} bounds the line. The bytes are known to be valid UTF-8 and valid JSON.
     */
    String fromJson(byte[] buf, int quote, int end) {
        int n = 0;
        int i = quote + 1;
        while (i < end) {
            int b = buf[i] & 0xFF;
            int cp;
            if (b == '"') {
                break;
            } else if (b == '\\') {
                if (i + 1 >= end) {
                    return null;
                }
                int e = buf[i + 1];
                if (e == 'u') {
                    cp = i + 5 < end ? hex4(buf, i + 2) : -1;
                    if (cp < 0) {
                        return null;
                    }
                    i += 6;
                } else {
                    // \n \t \r \b \f end the head; \" \\ \/ stand for themselves.
                    cp = e == '"' || e == '\\' || e == '/' ? e : ' ';
                    i += 2;
                }
            } else if (b < 0x80) {
                cp = b;
                i++;
            } else if (b < 0xE0) {
                cp = (b & 0x1F) << 6 | (buf[i + 1] & 0x3F);
                i += 2;
            } else if (b < 0xF0) {
                cp = (b & 0x0F) << 12 | (buf[i + 1] & 0x3F) << 6 | (buf[i + 2] & 0x3F);
                i += 3;
            } else {
                cp = (b & 0x07) << 18 | (buf[i + 1] & 0x3F) << 12 | (buf[i + 2] & 0x3F) << 6 | (buf[i + 3] & 0x3F);
                i += 4;
            }
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                if (ends((char) cp)) {
                    break;
                }
                if (n == MAX_HEAD) {
                    return null;
                }
                head[n++] = (char) cp;
            } else {
                if (n + 2 > MAX_HEAD) {
                    return null;
                }
                head[n++] = Character.highSurrogate(cp);
                head[n++] = Character.lowSurrogate(cp);
            }
        }
        return simpleName(n);
    }

    private String simpleName(int n) {
        int from = n;
        while (from > 0 && head[from - 1] != '.') {
            from--;
        }
        return from == n ? null : cache.intern(head, from, n - from);
    }

    private static boolean ends(char ch) {
        return ch == ':' || ch <= ' ' || Character.isWhitespace(ch);
    }

    private static int hex4(byte[] buf, int i) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(buf[i + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
