package dev.logtally.export;

import dev.logtally.base.Secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.logtally.base.ConfigException;
import dev.logtally.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A wrong password pushed to a stand-in that answers 401 (and echoes the header back): the secret shows nowhere. */
class SecretsNeverShowTest {
    private static final String PASSWORD = "hunter2-Very-Secret-77";
    private static final String TOKEN = "tok-Secret-Bearer-99";

    @TempDir
    Path tmp;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private List<String> everythingLogged() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            out.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                out.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        return out;
    }

    @Test
    void wrongPasswordRejectedByAStandInLeavesNoTraceOfTheSecret() throws Exception {
        Path passwordFile = tmp.resolve("pg-password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        Secret password = Secret.fromFile(passwordFile, "push.password.file");
        String basic = Base64.getEncoder().encodeToString(("pusher:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        RecordingListener recorded = new RecordingListener();
        List<String> texts = new ArrayList<>();
        String url;

        try (StandIn standIn = new StandIn(new StandIn.Reply(401, r -> "bad credentials: " + r.authorization()))) {
            url = standIn.url();
            PushOptions options = PushOptions.of(url, "checkout", "host-1")
                    .withAuth(new PushAuth.Basic("pusher", password));
            PushListener logging = new LoggingPushListener(options, clock, Duration.ofMinutes(1));
            try (Pusher pusher = new Pusher(options, recorded.andThen(logging), clock, new RecordingSleeper(clock),
                    PusherStandInTest.MAX_JITTER)) {
                PushOutcome outcome = pusher.push(() -> Fixtures.counter("x_total", 1), clock.instant().plusSeconds(10));

                assertFalse(outcome.succeeded());
                assertEquals(1, outcome.attempts(), "a 401 is not retried");
                assertEquals("Basic " + basic, standIn.requests().get(0).authorization(), "the password was sent");
                assertEquals("push to " + standIn.url() + " rejected (401): bad credentials: Basic ****",
                        outcome.lastFailure().message());
                texts.add(outcome.toString());
                texts.add(pusher.toString());
                texts.add(options.toString());
                texts.add(options.describe().toString());
                texts.add(options.auth().toString());
                texts.add(password.toString());
            }
        }
        texts.addAll(recorded.failureMessages());
        texts.addAll(everythingLogged());
        // A secret file that cannot be used says which file and why, not what is in it.
        Path twoLines = tmp.resolve("two-lines");
        Files.writeString(twoLines, PASSWORD + "\nsecond\n", StandardCharsets.UTF_8);
        texts.add(assertThrows(ConfigException.class, () -> Secret.fromFile(twoLines, "push.password.file")).getMessage());

        assertEquals(List.of("push to " + url + " rejected (401): bad credentials: Basic ****"),
                everythingLogged(), "one log line for the one failure");
        for (String text : texts) {
            assertFalse(text.contains(PASSWORD), text);
            assertFalse(text.contains(basic), text);
            assertFalse(text.contains(basic.substring(0, 12)), text);
        }
        assertEquals("push.password.file: file " + twoLines + " holds a line break (one line expected)", texts.get(texts.size() - 1));
        assertTrue(texts.contains("Basic[username=pusher, password=****]"), texts.toString());
        assertTrue(texts.contains("{push.url=" + url + ", push.job=checkout,"
                + " push.instance=host-1, push.timeout=5s, push.username=pusher, push.password=**** (from file " + passwordFile
                + ")}"), texts.toString());
    }

    @Test
    void bearerTokenFromTheEnvironmentIsMaskedToo() throws Exception {
        Secret token = Secret.fromEnv("PG_TOKEN", "push.bearer.env", Map.of("PG_TOKEN", TOKEN)::get);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (StandIn standIn = new StandIn(new StandIn.Reply(401, r -> "no: " + r.authorization()))) {
            PushOptions options = PushOptions.of(standIn.url(), "checkout", "host-1").withAuth(new PushAuth.Bearer(token));
            try (Pusher pusher = new Pusher(options, new LoggingPushListener(options, clock, Duration.ofMinutes(1)), clock,
                    new RecordingSleeper(clock), PusherStandInTest.MAX_JITTER)) {
                PushOutcome outcome = pusher.pushOnce(Fixtures.counter("x_total", 1));
                assertEquals("Bearer " + TOKEN, standIn.requests().get(0).authorization());
                assertEquals("push to " + standIn.url() + " rejected (401): no: Bearer ****", outcome.lastFailure().message());
                assertEquals("{push.url=" + standIn.url() + ", push.job=checkout, push.instance=host-1, push.timeout=5s,"
                        + " push.bearer=**** (from environment variable PG_TOKEN)}", options.describe().toString());
                assertEquals("Bearer[token=****]", options.auth().toString());
            }
        }
        for (String text : everythingLogged()) {
            assertFalse(text.contains(TOKEN), text);
        }
        assertEquals(1, everythingLogged().size());
    }
}
