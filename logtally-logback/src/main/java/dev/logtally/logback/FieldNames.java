package dev.logtally.logback;

import java.util.Set;

/** Checks the names that become JSON fields or label values: short snake_case, never a reserved field. */
final class FieldNames {
    /** Fields the encoder or the contract already uses: a gauge must not overwrite them. */
    static final Set<String> RESERVED = Set.of("@timestamp", "@version", "level", "level_value", "message",
            "logger_name", "thread_name", "tags", Correlation.MDC_KEY, ServiceJsonProvider.SERVICE_FIELD,
            ServiceJsonProvider.RELEASE_FIELD, ErrorType.FIELD, "stack_trace", "stack_hash", Timing.METHOD_FIELD,
            Timing.DURATION_FIELD);
    static final int MAX_LENGTH = 64;

    private FieldNames() {
    }

    /**
     * Returns {@code name} when it is 1 to 64 characters of {@code [a-z0-9_]} starting with a letter.
     *
     * @throws IllegalArgumentException naming {@code what} otherwise
     */
    static String checkSnakeCase(String what, String name) {
        if (!isSnakeCase(name)) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9 and _, starting with a letter: " + describe(name));
        }
        return name;
    }

    private static boolean isSnakeCase(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !isLower(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLower(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static String describe(String name) {
        if (name == null) {
            return "null";
        }
        return name.length() > MAX_LENGTH ? "a name of " + name.length() + " characters" : "\"" + name + "\"";
    }
}
