package dev.logtally.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} exactly as the Prometheus Go client writes sample values and {@code le}
 * bounds: Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, with the client's special cases
 * ({@code 0} for both zeros, {@code +Inf}, {@code -Inf}, {@code NaN}).
 *
 * <p>Why Go's format: the Pushgateway and Prometheus re-render every value that way, so {@code le="1"}
 * (not Java's {@code "1.0"}) is the label value a series gets on its way through the Pushgateway. Using
 * the same spelling in {@code /metrics}, in the push body and in the OpenMetrics backfill keeps one
 * series identity everywhere.
 *
 * <p>The rules: the shortest decimal digits that read back as the same {@code double}; exponent form
 * ({@code d.ddde±XX}, at least two exponent digits) when the decimal exponent is below -4 or at least 6,
 * plain form otherwise.
 *
 * <pre>{@code
 * GoFloat.format(0.005);    // "0.005"
 * GoFloat.format(0.00001);  // "1e-05"
 * GoFloat.format(1);        // "1"
 * GoFloat.format(200000);   // "200000"
 * GoFloat.format(2000000);  // "2e+06"
 * GoFloat.format(Double.POSITIVE_INFINITY); // "+Inf"
 * }</pre>
 */
public final class GoFloat {
    /** Below 2^53 every integer is a double and its own digits are the shortest form. */
    private static final double EXACT_INTEGERS = 9.007199254740992E15;

    private GoFloat() {
    }

    /** {@code v} in Go's shortest {@code 'g'} format. */
    public static String format(double v) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, v);
        return sb.toString();
    }

    /** Appends {@code v} in Go's shortest {@code 'g'} format to {@code out}. */
    public static void append(StringBuilder out, double v) {
        if (v == 0) {
            out.append('0');
            return;
        }
        if (Double.isNaN(v)) {
            out.append("NaN");
            return;
        }
        if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
            return;
        }
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        String digits;
        int pointPos;
        if (v < EXACT_INTEGERS && v == Math.rint(v)) {
            digits = Long.toString((long) v);
            pointPos = digits.length();
        } else {
            BigDecimal shortest = shortest(v);
            digits = shortest.unscaledValue().toString();
            pointPos = digits.length() - shortest.scale();
        }
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') {
            n--;
        }
        layout(out, digits, n, pointPos);
    }

    /**
     * The shortest decimal that parses back to {@code v}; of two candidates of the same length the one
     * nearer to {@code v}'s exact value (ties to even), as Go chooses.
     */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p < 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == v;
            boolean upOk = up.doubleValue() == v;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                return cmp < 0 ? down : cmp > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        // 17 significant digits always identify a double.
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** Lays out {@code digits[0, n)} whose decimal point sits after {@code pointPos} digits. */
    private static void layout(StringBuilder out, String digits, int n, int pointPos) {
        int exp = pointPos - 1;
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (pointPos <= 0) {
            out.append("0.");
            for (int i = pointPos; i < 0; i++) {
                out.append('0');
            }
            out.append(digits, 0, n);
        } else if (pointPos >= n) {
            out.append(digits, 0, n);
            for (int i = n; i < pointPos; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, pointPos).append('.').append(digits, pointPos, n);
        }
    }
}
