package dev.logtally.export;

import dev.logtally.base.Secret;
import dev.logtally.base.ConfigException;
import java.util.Map;
import java.util.Objects;

/**
 * How a push authenticates to the Pushgateway: not at all, with HTTP basic auth (the Pushgateway's
 * {@code --web.config.file} {@code basic_auth_users}), or with a bearer token (for a proxy in front of
 * it). Secrets are {@link Secret}s, so printing an auth shows {@code ****}.
 *
 * <pre>{@code
 * PushAuth auth = new PushAuth.Basic("pusher", Secret.fromFile(Path.of("/etc/logtally/pg-password"), "push.password.file"));
 * System.out.println(auth); // Basic[username=pusher, password=****]
 * }</pre>
 */
public sealed interface PushAuth {

    /** Adds {@code <prefix>.username} and the masked secret with where it came from to {@code out}. */
    static void describe(PushAuth auth, String prefix, java.util.Map<String, String> out) {
        if (auth instanceof Basic basic) {
            out.put(prefix + ".username", basic.username());
            out.put(prefix + ".password", Secret.MASK + " (from " + basic.password().source() + ")");
        } else if (auth instanceof Bearer bearer) {
            out.put(prefix + ".bearer", Secret.MASK + " (from " + bearer.token().source() + ")");
        }
    }

    /** No authentication. */
    PushAuth NONE = new None();

    /**
     * Adds this auth's keys under {@code prefix} ({@code push}, {@code remote_write}) to a configuration
     * description: the user, and the secret as {@code ****} with where it came from.
     */
    default void describeInto(String prefix, Map<String, String> out) {
        if (this instanceof Basic basic) {
            out.put(prefix + ".username", basic.username());
            out.put(prefix + ".password", Secret.MASK + " (from " + basic.password().source() + ")");
        } else if (this instanceof Bearer bearer) {
            out.put(prefix + ".bearer", Secret.MASK + " (from " + bearer.token().source() + ")");
        }
    }

    /** No {@code Authorization} header. */
    record None() implements PushAuth {
    }

    /** HTTP basic auth ({@code push.username} with {@code push.password.file} or {@code push.password.env}). */
    record Basic(String username, Secret password) implements PushAuth {
        public Basic {
            Objects.requireNonNull(password, "password");
            if (username == null || username.isEmpty()) {
                throw new ConfigException("push.username", "must be given with a password");
            }
            if (username.indexOf(':') >= 0 || username.chars().anyMatch(Character::isISOControl)) {
                throw new ConfigException("push.username", "must not contain ':' or control characters");
            }
        }
    }

    /** {@code Authorization: Bearer} ({@code push.bearer.file} or {@code push.bearer.env}). */
    record Bearer(Secret token) implements PushAuth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }
    }
}
