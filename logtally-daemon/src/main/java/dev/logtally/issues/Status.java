package dev.logtally.issues;

import java.util.Locale;

/**
 * An issue's status as the pages and the API name it: {@code unresolved}, {@code resolved}, {@code ignored}.
 *
 * <pre>{@code
 * Status s = Status.parse("resolved");   // RESOLVED
 * s.wire();                              // "resolved"
 * }</pre>
 */
public enum Status {
    UNRESOLVED, RESOLVED, IGNORED;

    /** The name in URLs and JSON. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text} ({@link #wire()} form), or null when it names none. */
    public static Status parse(String text) {
        for (Status s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
