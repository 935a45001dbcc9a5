package dev.logtally.issues;

/**
 * A small HTML writer that escapes by construction: text and attribute values always go through
 * {@link #escape}; element and attribute names must be plain lower-case names (they are constants of
 * this package, and anything else is refused), and there is no way to append raw markup. A message
 * holding {@code <script>} or a quote therefore always ends up as text.
 *
 * <pre>{@code
 * Html h = new Html();
 * h.open("td", "class", "msg").text(issue.sampleMessage()).close("td");
 * h.el("a", issue.errorType(), "href", Urls.issue(issue.fingerprint()));
 * String page = h.toString();
 * }</pre>
 */
final class Html {
    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** {@code <!doctype html>}: the start of every page. */
    Html doctype() {
        out.append("<!doctype html>\n");
        return this;
    }

    /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves the attribute out). */
    Html open(String tag, String... attrs) {
        out.append('<').append(name(tag));
        attributes(attrs);
        out.append('>');
        return this;
    }

    /** A void element ({@code input}, {@code meta}, {@code link}, {@code br}). */
    Html empty(String tag, String... attrs) {
        return open(tag, attrs);
    }

    Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    Html el(String tag, String text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** Escaped text; null writes nothing. */
    Html text(String s) {
        if (s != null) {
            escapeInto(s, out);
        }
        return this;
    }

    /** A line break in the source, for readability of the served page. */
    Html nl() {
        out.append('\n');
        return this;
    }

    private void attributes(String[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            String value = attrs[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(name(attrs[i])).append("=\"");
            escapeInto(value, out);
            out.append('"');
        }
    }

    /** A name of an element or attribute: lower-case letters, digits and {@code -}, else refused. */
    private static String name(String n) {
        if (n.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                throw new IllegalArgumentException("not a plain element or attribute name: " + n);
            }
        }
        return n;
    }

    /** {@code s} with {@code & < > " '} as character references and control characters (but tab and line feed) as U+FFFD. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escapeInto(s, sb);
        return sb.toString();
    }

    private static void escapeInto(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t', '\n' -> sb.append(c);
                default -> sb.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
