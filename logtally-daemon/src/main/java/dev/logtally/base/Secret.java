package dev.logtally.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * A password or token, read once at start-up from a file or an environment variable (never from the
 * command line, where {@code ps} and shell history would show it). It never shows itself:
 * {@link #toString()} is {@code ****}, so a secret inside a record, an exception message or a log line
 * stays hidden; only the push connection reads its value.
 *
 * <pre>{@code
 * Secret password = Secret.fromFile(Path.of("/run/secrets/pushgateway"), "push.password.file");
 * Secret token = Secret.fromEnv("PUSH_TOKEN", "push.bearer.env", System::getenv);
 * System.out.println(password);           // ****
 * System.out.println(password.source());  // file /run/secrets/pushgateway
 * }</pre>
 */
public final class Secret {
    /** How every secret is shown. */
    public static final String MASK = "****";

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * The content of {@code file}, one trailing line break removed.
     *
     * @param key the configuration key that named the file, for the error message
     * @throws ConfigException when the file cannot be read, is empty or holds a line break inside
     */
    public static Secret fromFile(Path file, String key) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + file + ": " + ConfigException.reason(e));
        }
        return checked(stripLineBreak(text), "file " + file, key);
    }

    /**
     * The value of environment variable {@code variable}, looked up through {@code env}
     * ({@code System::getenv} in production).
     *
     * @param key the configuration key that named the variable, for the error message
     * @throws ConfigException when the variable is unset, empty or holds a line break
     */
    public static Secret fromEnv(String variable, String key, Function<String, String> env) {
        String text = env.apply(variable);
        if (text == null) {
            throw new ConfigException(key, "environment variable " + variable + " is not set");
        }
        return checked(text, "environment variable " + variable, key);
    }

    /** A secret given directly, for tests and embedding; {@code source} says where it came from. */
    public static Secret of(String value, String source) {
        return checked(Objects.requireNonNull(value, "value"), source, "secret");
    }

    private static Secret checked(String text, String source, String key) {
        if (text.isEmpty()) {
            throw new ConfigException(key, source + " is empty");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new ConfigException(key, source + " holds a line break (one line expected)");
        }
        return new Secret(text, source);
    }

    private static String stripLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Where the secret was read from ({@code file /path} or {@code environment variable NAME}): safe to show. */
    public String source() {
        return source;
    }

    /** The secret itself: for the push connection only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
