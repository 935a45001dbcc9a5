package dev.logtally.export;

import dev.logtally.base.Secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import dev.logtally.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class PushOptionsTest {
    @TempDir
    Path tmp;

    private static String fails(Executable e) {
        return assertThrows(ConfigException.class, e).getMessage();
    }

    @Test
    void jobAndInstanceAreLimitedToSafeCharacters() {
        assertEquals("push.job: 'my job' has ' ' at position 3; use only letters, digits, '.', '_' and '-'",
                fails(() -> PushOptions.of("http://127.0.0.1:9091", "my job", "h1")));
        assertEquals("push.instance: 'a/b' has '/' at position 2; use only letters, digits, '.', '_' and '-'",
                fails(() -> PushOptions.of("http://127.0.0.1:9091", "j", "a/b")));
        assertEquals("push.instance: 'hôte' has 'ô' at position 2; use only letters, digits, '.', '_' and '-'",
                fails(() -> PushOptions.of("http://127.0.0.1:9091", "j", "hôte")));
        assertEquals("push.job: is empty", fails(() -> PushOptions.of("http://127.0.0.1:9091", "", "h")));
        assertEquals("push.instance: is empty", fails(() -> PushOptions.of("http://127.0.0.1:9091", "j", null)));
        assertEquals("push.job: must not be '..'", fails(() -> PushOptions.of("http://127.0.0.1:9091", "..", "h")));
        assertEquals("checkout-api_v2.1", PushOptions.of("http://127.0.0.1:9091", "checkout-api_v2.1", "h").job());
    }

    @Test
    void theUrlMustBeHttpWithAHostAndNoCredentials() {
        assertEquals("push.url: must start with http:// or https://, got ftp://h:21",
                fails(() -> PushOptions.of("ftp://h:21", "j", "h")));
        assertEquals("push.url: not a URL: 127.0.0.1:9091 (expected http://HOST:PORT or https://HOST:PORT)",
                fails(() -> PushOptions.of("127.0.0.1:9091", "j", "h")));
        assertEquals("push.url: must not carry credentials (user:password@); use push.username with push.password.file"
                + " or push.password.env", fails(() -> PushOptions.of("http://u:pw-in-url@h:9091", "j", "h")));
        assertEquals("push.url: not a URL: http://****@h:9091/a b (expected http://HOST:PORT or https://HOST:PORT)",
                fails(() -> PushOptions.of("http://u:pw-in-url@h:9091/a b", "j", "h")));
        assertEquals("push.url: must not have a query or fragment: http://h:9091?x=1",
                fails(() -> PushOptions.of("http://h:9091?x=1", "j", "h")));
        assertEquals("push.url: is empty", fails(() -> PushOptions.of(" ", "j", "h")));
        assertEquals("http://h:9091/prefix", PushOptions.of("http://h:9091/prefix//", "j", "h").url().toString());
    }

    @Test
    void timeoutMustBePositive() {
        PushOptions o = PushOptions.of("http://h:9091", "j", "h");
        assertEquals(Duration.ofSeconds(5), o.timeout());
        assertEquals("push.timeout: must be a positive duration, got PT0S", fails(() -> o.withTimeout(Duration.ZERO)));
    }

    @Test
    void caFileOnlyWithHttpsAndMustHoldACertificate() throws Exception {
        assertEquals("push.tls.ca.file: is set but push.url is not https",
                fails(() -> PushOptions.of("http://h:9091", "j", "h").withCaFile(tmp.resolve("ca.pem"))));
        PushOptions https = PushOptions.of("https://h:9091", "j", "h");
        Path missing = tmp.resolve("missing.pem");
        assertEquals("push.tls.ca.file: cannot read " + missing + ": no such file",
                fails(() -> Pusher.create(https.withCaFile(missing), PushListener.NONE)));
        Path notPem = Files.writeString(tmp.resolve("not.pem"), "hello\n", StandardCharsets.UTF_8);
        assertEquals("push.tls.ca.file: " + notPem + " is not a PEM certificate file: No certificate data found",
                fails(() -> new Pusher(https.withCaFile(notPem), PushListener.NONE, new ManualClock(java.time.Instant.EPOCH),
                        Sleeper.SYSTEM, new Random())));
        Path empty = Files.writeString(tmp.resolve("empty.pem"), "", StandardCharsets.UTF_8);
        assertEquals("push.tls.ca.file: " + empty + " holds no certificate",
                fails(() -> Pusher.create(https.withCaFile(empty), PushListener.NONE)));
    }

    @Test
    void usernameRules() {
        Secret s = Secret.of("pw", "test");
        assertEquals("push.username: must not contain ':' or control characters", fails(() -> new PushAuth.Basic("a:b", s)));
        assertEquals("push.username: must be given with a password", fails(() -> new PushAuth.Basic("", s)));
    }

    @Test
    void secretsFromFilesAndTheEnvironment() throws Exception {
        Path crlf = Files.writeString(tmp.resolve("crlf"), "pw-1\r\n", StandardCharsets.UTF_8);
        assertEquals("pw-1", Secret.fromFile(crlf, "push.password.file").reveal());
        assertEquals("file " + crlf, Secret.fromFile(crlf, "push.password.file").source());
        Path empty = Files.writeString(tmp.resolve("empty"), "\n", StandardCharsets.UTF_8);
        assertEquals("push.password.file: file " + empty + " is empty", fails(() -> Secret.fromFile(empty, "push.password.file")));
        Path missing = tmp.resolve("nope");
        assertEquals("push.bearer.file: cannot read " + missing + ": no such file",
                fails(() -> Secret.fromFile(missing, "push.bearer.file")));
        assertEquals("push.password.env: environment variable PG_PW is not set",
                fails(() -> Secret.fromEnv("PG_PW", "push.password.env", Map.<String, String>of()::get)));
        assertEquals("push.password.env: environment variable PG_PW is empty",
                fails(() -> Secret.fromEnv("PG_PW", "push.password.env", Map.of("PG_PW", "")::get)));
        assertEquals("****", Secret.fromEnv("PG_PW", "push.password.env", Map.of("PG_PW", "x")::get).toString());
    }

    @Test
    void describeShowsTheEffectiveConfigurationInKeyOrder() {
        PushOptions o = PushOptions.of("https://pg.example:9091", "checkout", "host-1").withTimeout(Duration.ofMillis(1500))
                .withCaFile(Path.of("/etc/logtally/ca.pem"));
        assertEquals("{push.url=https://pg.example:9091, push.job=checkout, push.instance=host-1, push.timeout=1s500ms,"
                + " push.tls.ca.file=/etc/logtally/ca.pem}", o.describe().toString());
        assertEquals("PushOptions" + o.describe(), o.toString());
    }
}
