package dev.logtally.parse;

/**
 * Reads a number written as a string ({@code "duration_ms":"12.5"}), which is what a value put in the
 * MDC becomes: MDC values are always strings. Only the JSON number grammar is accepted
 * ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}): no spaces, no {@code NaN}, no hex, no
 * {@code +}. Numbers of up to 15 significant digits with a small exponent are computed exactly
 * without allocating; others go through {@link Double#parseDouble}.
 *
 * <pre>{@code
 * double v = NumberText.parse(chars, 0, chars.length);   // NaN when not a JSON number
 * }</pre>
 */
final class NumberText {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final int MAX_EXACT_DIGITS = 15;

    private NumberText() {
    }

    /**
     * The value of {@code c[off, off + len)}, or NaN when it is not a JSON number: the Jackson path's
     * entry. A JSON number is ASCII, so the chars are taken as bytes, any other char as a byte no rule accepts.
     */
    static double parse(char[] c, int off, int len) {
        return parse(Ascii.bytes(c, off, len), 0, len);
    }

    /** The value of the ASCII text {@code c[off, off + len)}, or NaN when it is not a JSON number. */
    static double parse(byte[] c, int off, int len) {
        final int end = off + len;
        int i = off;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int significant = 0; // digits in mantissa, leading zeros not counted
        int scale = 0; // power of ten to apply to mantissa
        boolean exact = true;
        int intStart = i;
        while (i < end && isDigit(c[i])) {
            int d = c[i++] - '0';
            if (mantissa != 0 || d != 0) {
                exact &= significant++ < MAX_EXACT_DIGITS;
                mantissa = mantissa * 10 + d;
            }
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && c[intStart] == '0')) {
            return Double.NaN;
        }
        if (i < end && c[i] == '.') {
            int fracStart = ++i;
            while (i < end && isDigit(c[i])) {
                int d = c[i++] - '0';
                if (mantissa != 0 || d != 0) {
                    exact &= significant++ < MAX_EXACT_DIGITS;
                    mantissa = mantissa * 10 + d;
                }
                scale--;
            }
            if (i == fracStart) {
                return Double.NaN;
            }
        }
        if (i < end && (c[i] == 'e' || c[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < end && (c[i] == '+' || c[i] == '-')) {
                negExp = c[i] == '-';
                i++;
            }
            int expStart = i;
            int exp = 0;
            while (i < end && isDigit(c[i])) {
                exp = Math.min(exp * 10 + (c[i] - '0'), 10_000); // saturate: far past any double
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            scale += negExp ? -exp : exp;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (exact && scale >= -22 && scale <= 22) {
            // Both operands are exact doubles, so one multiply or divide rounds correctly.
            double v = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(c, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static boolean isDigit(byte ch) {
        return ch >= '0' && ch <= '9';
    }
}
