package dev.logtally.monitoring;

/**
 * YAML scalars for the rendered files, which are written as text (the layout is part of what the shipped
 * files show an operator). Strings are always quoted, so no value is ever read as a number, a boolean or a
 * comment.
 *
 * <pre>{@code
 * Yaml.quote("High error rate in {{ $labels.service }}");   // "High error rate in {{ $labels.service }}"
 * Yaml.quote("logs {{ printf \"%.2f\" $value }}/s");        // 'logs {{ printf "%.2f" $value }}/s'
 * }</pre>
 */
final class Yaml {
    private Yaml() {
    }

    /** Single-quoted when the text holds a double quote and no single quote, else double-quoted. */
    static String quote(String s) {
        if (s.contains("\"") && !s.contains("'") && s.chars().noneMatch(c -> c < 0x20)) {
            return "'" + s + "'";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A PromQL string literal's content: backslashes and double quotes escaped. */
    static String promString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** An RE2 expression that matches exactly {@code literal}. */
    static String regexLiteral(String literal) {
        StringBuilder b = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
