package dev.logtally.export;

import dev.logtally.base.Secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.PromText;
import dev.logtally.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic auth and TLS with a private CA, through the real Pushgateway's {@code --web.config.file}. */
class PusherSecuredPushgatewayTest {
    private static final String USER = "pusher";
    /** The password whose bcrypt hash is in src/test/resources/export/web-basic-auth.yml (test-only). */
    private static final String PASSWORD = "logtally-test-password";
    private static final String SAMPLE = "x_total{instance=\"host-1\",job=\"checkout\"}";

    @TempDir
    Path tmp;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();

    private Path webConfig(String extra) throws Exception {
        Path file = tmp.resolve("web.yml");
        Files.writeString(file, Fixtures.resource("web-basic-auth.yml") + extra, StandardCharsets.UTF_8);
        return file;
    }

    private Pusher pusher(PushOptions options) {
        return new Pusher(options, listener, clock, sleeper, new Random(7));
    }

    @Test
    void basicAuthPushesWithTheRightPasswordAndIsRefusedWithAWrongOne() throws Exception {
        try (SecuredPushgateway pg = SecuredPushgateway.start(tmp, webConfig(""), false)) {
            PushOptions base = PushOptions.of(pg.url(), "checkout", "host-1");
            try (Pusher right = pusher(base.withAuth(new PushAuth.Basic(USER, Secret.of(PASSWORD, "test"))));
                 Pusher wrong = pusher(base.withAuth(new PushAuth.Basic(USER, Secret.of("not-the-password", "test"))));
                 Pusher none = pusher(base)) {
                PushOutcome ok = right.pushOnce(Fixtures.counter("x_total", 42));
                assertTrue(ok.succeeded(), () -> ok.lastFailure() + "\n" + pg.output());
                assertEquals(42.0, PromText.parse(pg.get("/metrics", USER, PASSWORD, null)).get(SAMPLE));

                PushOutcome refused = wrong.push(() -> Fixtures.counter("x_total", 1), clock.instant().plusSeconds(10));
                assertEquals(new PushFailure(PushFailure.Kind.REJECTED, 401, "push to " + pg.url() + " rejected (401): Unauthorized"),
                        refused.lastFailure());
                assertEquals(1, refused.attempts());
                assertEquals(401, none.pushOnce(Fixtures.counter("x_total", 1)).lastFailure().status());
                assertEquals(42.0, PromText.parse(pg.get("/metrics", USER, PASSWORD, null)).get(SAMPLE), "unchanged");
            }
        }
    }

    @Test
    void httpsTrustingOnlyTheConfiguredCa() throws Exception {
        TestCa ca = TestCa.create(tmp, "logtally-test-ca");
        TestCa stranger = TestCa.create(tmp, "some-other-ca");
        Path web = webConfig("tls_server_config:\n  cert_file: " + ca.serverPem() + "\n  key_file: " + ca.serverKey() + "\n");
        try (SecuredPushgateway pg = SecuredPushgateway.start(tmp, web, true)) {
            PushOptions base = PushOptions.of(pg.url(), "checkout", "host-1")
                    .withAuth(new PushAuth.Basic(USER, Secret.of(PASSWORD, "test")));
            try (Pusher trusting = pusher(base.withCaFile(ca.caPem()));
                 Pusher distrusting = pusher(base.withCaFile(stranger.caPem()))) {
                PushOutcome ok = trusting.pushOnce(Fixtures.counter("x_total", 7));
                assertTrue(ok.succeeded(), () -> ok.lastFailure() + "\n" + pg.output());
                assertEquals(7.0, PromText.parse(pg.get("/metrics", USER, PASSWORD, ca.sslContext())).get(SAMPLE));

                PushOutcome refused = distrusting.pushOnce(Fixtures.counter("x_total", 8));
                assertFalse(refused.succeeded());
                assertEquals(new PushFailure(PushFailure.Kind.UNREACHABLE, 0, "push to " + pg.url()
                        + " failed: SSLHandshakeException: PKIX path building failed: "
                        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification"
                        + " path to requested target"), refused.lastFailure());
                assertEquals(7.0, PromText.parse(pg.get("/metrics", USER, PASSWORD, ca.sslContext())).get(SAMPLE));
            }
        }
        assertEquals(1, listener.successes().size());
        assertEquals(List.of(PushFailure.Kind.UNREACHABLE), listener.failures().stream().map(PushFailure::kind).toList());
    }
}
