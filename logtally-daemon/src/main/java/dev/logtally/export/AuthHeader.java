package dev.logtally.export;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code Authorization} header of a {@link PushAuth}: one implementation for the Pushgateway push and
 * the Alertmanager alerts. The secret texts are added to {@code secrets}, so that failure messages can
 * mask them ({@link FailureText}).
 *
 * <pre>{@code
 * List<String> secrets = new ArrayList<>();
 * String header = AuthHeader.of(options.auth(), secrets);   // null for PushAuth.NONE
 * }</pre>
 */
final class AuthHeader {
    private AuthHeader() {
    }

    static String of(PushAuth auth, List<String> secrets) {
        if (auth instanceof PushAuth.Basic basic) {
            String password = basic.password().reveal();
            String encoded = Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
            secrets.add(password);
            secrets.add(encoded);
            return "Basic " + encoded;
        }
        if (auth instanceof PushAuth.Bearer bearer) {
            secrets.add(bearer.token().reveal());
            return "Bearer " + bearer.token().reveal();
        }
        return null;
    }
}
