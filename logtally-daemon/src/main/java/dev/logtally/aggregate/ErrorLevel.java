package dev.logtally.aggregate;

import java.util.List;

/**
 * The rule "this event is an error": its level is one of {@code error.levels}. One place for the counter
 * ({@code NS_errors_total}), the error groups of the tailer and {@code logtally errors}.
 *
 * <pre>{@code
 * ErrorLevel errors = new ErrorLevel(List.of("ERROR"));
 * errors.test("ERROR");   // true
 * }</pre>
 */
public final class ErrorLevel {
    private final String[] levels;

    public ErrorLevel(List<String> levels) {
        this.levels = levels.toArray(new String[0]);
    }

    /** True when {@code level} (upper case, as the parser gives it) is an error level; false for null. */
    public boolean test(String level) {
        if (level == null) {
            return false;
        }
        for (String l : levels) {
            if (l.equals(level)) {
                return true;
            }
        }
        return false;
    }
}
