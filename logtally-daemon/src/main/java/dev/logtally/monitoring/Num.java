package dev.logtally.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the rendered files show them: {@link #plain} for thresholds written into rules and
 * descriptions ({@code 0.05}, {@code 10}), and the formats of Prometheus's alert templates (Go's
 * {@code %.4g}, {@code humanize}, {@code humanizeDuration}, {@code humanizePercentage}, {@code printf "%.2f"})
 * so the generated rule tests can state the exact annotation an alert will carry.
 *
 * <pre>{@code
 * Num.plain(0.050);                 // "0.05"
 * Num.humanizeDuration(300);        // "5m 0s"
 * Num.humanizePercentage(0.1);      // "10%"
 * }</pre>
 */
final class Num {
    private Num() {
    }

    /** The shortest decimal form, no exponent, no trailing zeros: {@code 10}, {@code 0.05}. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Go's {@code %.4g}. */
    static String g4(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 4) {
            BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** Go's {@code printf "%.Nf"}. */
    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Prometheus's {@code humanizePercentage}. */
    static String humanizePercentage(double v) {
        return g4(v * 100) + "%";
    }

    /** Prometheus's {@code humanizeDuration}, of seconds. */
    static String humanizeDuration(double v) {
        if (v == 0) {
            return "0s";
        }
        String sign = v < 0 ? "-" : "";
        double a = Math.abs(v);
        if (a >= 1) {
            long d = (long) a;
            long seconds = d % 60;
            long minutes = d / 60 % 60;
            long hours = d / 3600 % 24;
            long days = d / 86400;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(a) + "s";
        }
        String prefix = "";
        for (String p : new String[] {"m", "u", "n", "p", "f", "a", "z", "y"}) {
            if (a >= 1) {
                break;
            }
            prefix = p;
            a *= 1000;
        }
        return sign + g4(a) + prefix + "s";
    }

    /** Prometheus's {@code humanize1024}. */
    static String humanize1024(double v) {
        if (Math.abs(v) <= 1) {
            return g4(v);
        }
        String prefix = "";
        for (String p : new String[] {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return g4(v) + prefix;
    }
}
