package dev.logtally.export;

/**
 * The escaping rules of the Prometheus text formats, shared by {@link TextFormat} and
 * {@link OpenMetricsFormat}: label values escape {@code \}, {@code "} and newline; help text escapes
 * {@code \} and newline in 0.0.4 and also {@code "} in OpenMetrics.
 *
 * <pre>{@code
 * StringBuilder sb = new StringBuilder();
 * Escape.labelValue(sb, "say \"hi\"");   // say \"hi\"
 * }</pre>
 */
final class Escape {
    private Escape() {
    }

    /** Appends {@code value} as a label value (between the quotes). */
    static void labelValue(StringBuilder out, String value) {
        escape(out, value, true);
    }

    /** Appends {@code help} as {@code # HELP} text; {@code quotes} escapes {@code "} too (OpenMetrics). */
    static void help(StringBuilder out, String help, boolean quotes) {
        escape(out, help, quotes);
    }

    private static void escape(StringBuilder out, String s, boolean quotes) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quotes ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
