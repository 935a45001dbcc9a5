package dev.logtally.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code Authorization} header of a {@link PushAuth} and the secret strings that must never appear in
 * a message (the password or token, and the base64 form of basic credentials): shared by the Pushgateway
 * push and remote write, so both authenticate and mask the same way.
 *
 * <pre>{@code
 * Credentials c = Credentials.of(options.auth());
 * connection.setRequestProperty("Authorization", c.header());   // null for PushAuth.NONE
 * new FailureText("push to", url, c.secrets());
 * }</pre>
 */
final class Credentials {
    private final String header;
    private final List<String> secrets;

    private Credentials(String header, List<String> secrets) {
        this.header = header;
        this.secrets = List.copyOf(secrets);
    }

    static Credentials of(PushAuth auth) {
        List<String> secrets = new ArrayList<>();
        if (auth instanceof PushAuth.Basic basic) {
            String password = basic.password().reveal();
            String encoded = Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
            secrets.add(password);
            secrets.add(encoded);
            return new Credentials("Basic " + encoded, secrets);
        }
        if (auth instanceof PushAuth.Bearer bearer) {
            secrets.add(bearer.token().reveal());
            return new Credentials("Bearer " + bearer.token().reveal(), secrets);
        }
        return new Credentials(null, secrets);
    }

    /** The {@code Authorization} header value, or null. */
    String header() {
        return header;
    }

    /** The strings to mask in any message. */
    List<String> secrets() {
        return secrets;
    }
}
