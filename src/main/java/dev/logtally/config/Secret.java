package dev.logtally.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A password or token read once at start-up from a file or an environment variable, never from the
 * command line. Its {@link #toString()} is masked, so it cannot leak into a log line or an error message
 * by accident; only {@link #reveal()} gives the value, to the code that sends it.
 *
 * <pre>{@code
 * Secret s = Secret.fromFile("push.password.file", Path.of("/run/credentials/logtally/pw"));
 * conn.setRequestProperty("Authorization", "Bearer " + s.reveal());
 * }</pre>
 */
public final class Secret {
    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** Reads the whole file, without its trailing newline; an unreadable or empty file names {@code key}. */
    public static Secret fromFile(String key, Path file) {
        String v;
        try {
            v = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + reason(e));
        }
        v = stripNewline(v);
        if (v.isEmpty()) {
            throw new ConfigException(key, file + " is empty");
        }
        return new Secret(v, "file " + file);
    }

    /** Reads environment variable {@code name}; unset or empty names {@code key}. */
    public static Secret fromEnv(String key, String name, Map<String, String> env) {
        String v = env.get(name);
        if (v == null || v.isEmpty()) {
            throw new ConfigException(key, "environment variable " + name + " is not set");
        }
        return new Secret(stripNewline(v), "environment variable " + name);
    }

    /** The secret itself: only for the code that sends it. */
    public String reveal() {
        return value;
    }

    /** Where it came from, without the value (e.g. {@code file /etc/logtally/pw}). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "****(" + origin + ")";
    }

    private static String stripNewline(String v) {
        int end = v.length();
        while (end > 0 && (v.charAt(end - 1) == '\n' || v.charAt(end - 1) == '\r')) {
            end--;
        }
        return v.substring(0, end);
    }

    private static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        return switch (simple) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            default -> e.getMessage() == null ? simple : e.getMessage();
        };
    }
}
