package dev.logtally.parse;

/**
 * Normalises a level to upper case: the five Logback levels, in any case, map to the constants below
 * without allocating; anything else ({@code "fatal"}, {@code "Notice"}) is upper-cased and canonicalised
 * through the parser's {@link LabelCache}.
 *
 * <pre>{@code
 * Levels levels = new Levels(new LabelCache());
 * String l = levels.normalize("warn".toCharArray(), 0, 4);   // Levels.WARN, the same instance every time
 * }</pre>
 */
final class Levels {
    static final String TRACE = "TRACE";
    static final String DEBUG = "DEBUG";
    static final String INFO = "INFO";
    static final String WARN = "WARN";
    static final String ERROR = "ERROR";

    private final LabelCache cache;
    private final char[] upper = new char[LabelCache.MAX_LENGTH];

    Levels(LabelCache cache) {
        this.cache = cache;
    }

    /** The upper-case level of {@code c[off, off + len)}. */
    String normalize(char[] c, int off, int len) {
        String constant = constant(c, off, len);
        if (constant != null) {
            return constant;
        }
        if (len > upper.length) {
            return new String(c, off, len).toUpperCase(java.util.Locale.ROOT);
        }
        for (int i = 0; i < len; i++) {
            upper[i] = Character.toUpperCase(c[off + i]);
        }
        constant = constant(upper, 0, len); // e.g. Turkish dotless "\u0131nfo" upper-cases to INFO
        return constant != null ? constant : cache.intern(upper, 0, len);
    }

    /** One of the five constants when {@code c[off, off + len)} spells it in any ASCII case, else null. */
    private static String constant(char[] c, int off, int len) {
        if (len == 4) {
            if (is(c, off, INFO)) {
                return INFO;
            }
            if (is(c, off, WARN)) {
                return WARN;
            }
        } else if (len == 5) {
            if (is(c, off, ERROR)) {
                return ERROR;
            }
            if (is(c, off, DEBUG)) {
                return DEBUG;
            }
            if (is(c, off, TRACE)) {
                return TRACE;
            }
        }
        return null;
    }

    /** As {@link #constant(char[], int, int)}, for ASCII bytes (a byte that is not ASCII never matches). */
    static String constant(byte[] b, int off, int len) {
        if (len == 4) {
            if (is(b, off, INFO)) {
                return INFO;
            }
            if (is(b, off, WARN)) {
                return WARN;
            }
        } else if (len == 5) {
            if (is(b, off, ERROR)) {
                return ERROR;
            }
            if (is(b, off, DEBUG)) {
                return DEBUG;
            }
            if (is(b, off, TRACE)) {
                return TRACE;
            }
        }
        return null;
    }

    private static boolean is(byte[] b, int off, String constant) {
        for (int i = 0; i < constant.length(); i++) {
            if ((b[off + i] & 0xDF) != constant.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII case-insensitive match against an upper-case constant of the same length. */
    private static boolean is(char[] c, int off, String constant) {
        for (int i = 0; i < constant.length(); i++) {
            // Clearing bit 5 maps a-z onto A-Z and no other char onto an upper-case ASCII letter.
            if ((c[off + i] & 0xFFDF) != constant.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
