package dev.logtally.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads samples from the Prometheus text format into a sorted map from {@code name{l1="v1",l2="v2"}}
 * (labels sorted by name) to value, so tests compare exact values. Label values with escaped quotes are
 * supported; timestamps after the value are ignored.
 */
public final class PromText {
    private PromText() {
    }

    public static Map<String, Double> parse(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space;
            String key;
            if (brace >= 0 && brace < line.indexOf(' ')) {
                int close = closingBrace(line, brace);
                key = line.substring(0, brace) + canonicalLabels(line.substring(brace + 1, close));
                space = close + 1;
            } else {
                space = line.indexOf(' ');
                key = line.substring(0, space);
            }
            String rest = line.substring(space).trim();
            int sp = rest.indexOf(' ');
            String value = sp < 0 ? rest : rest.substring(0, sp);
            out.put(key, parseValue(value));
        }
        return out;
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static int closingBrace(String line, int open) {
        boolean inQuote = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inQuote = !inQuote;
            } else if (c == '}' && !inQuote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed labels: " + line);
    }

    /** {@code le} values compare as numbers: {@code 1}, {@code 1.0} and {@code 1e0} are the same bound. */
    static String canonicalBound(String le) {
        if (le.equals("+Inf")) {
            return le;
        }
        return java.math.BigDecimal.valueOf(Double.parseDouble(le)).stripTrailingZeros().toPlainString();
    }

    private static String canonicalLabels(String inner) {
        Map<String, String> labels = new TreeMap<>();
        int i = 0;
        while (i < inner.length()) {
            int eq = inner.indexOf('=', i);
            String name = inner.substring(i, eq).trim();
            int q = inner.indexOf('"', eq);
            StringBuilder v = new StringBuilder();
            int j = q + 1;
            while (inner.charAt(j) != '"') {
                if (inner.charAt(j) == '\\') {
                    v.append(inner, j, j + 2);
                    j += 2;
                } else {
                    v.append(inner.charAt(j++));
                }
            }
            labels.put(name, name.equals("le") ? canonicalBound(v.toString()) : v.toString());
            i = j + 1;
            while (i < inner.length() && (inner.charAt(i) == ',' || inner.charAt(i) == ' ')) {
                i++;
            }
        }
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("{");
        labels.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append("=\"").append(v).append('"'));
        return sb.append('}').toString();
    }
}
