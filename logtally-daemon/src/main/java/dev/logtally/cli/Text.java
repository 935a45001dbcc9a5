package dev.logtally.cli;

import java.math.BigDecimal;

/**
 * Small text helpers of the terminal renderings: one-line values, padding, numbers without noise.
 *
 * <pre>{@code
 * Text.oneLine("a\nb");     // "a\\nb"
 * Text.number(12.5);        // "12.5"; 3.0 gives "3"
 * }</pre>
 */
final class Text {
    private Text() {
    }

    /** {@code s} on one line: {@code \n}, {@code \r}, {@code \t} written as escapes, other control characters as {@code ?}. */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append('?');
            }
        }
        return out == null ? s : out.toString();
    }

    /** {@code s} cut to {@code max} characters, the cut marked with {@code …}. */
    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** {@code s} padded with spaces to {@code width}. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** {@code s} right-aligned in {@code width}. */
    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A finite number in its shortest plain form: {@code 12.346}, {@code 3}. */
    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
