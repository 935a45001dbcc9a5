package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.logtally.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingPushListenerTest {
    private static final String URL = "http://127.0.0.1:9091";

    @Test
    void repeatsAreLoggedOncePerQuietPeriodAndRecoveryOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger("test.push." + System.nanoTime());
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // whatever the test configuration's root level is
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        LoggingPushListener listener = new LoggingPushListener(PushOptions.of(URL, "j", "h"), clock, Duration.ofMinutes(1), logger);
        PushFailure refused = new PushFailure(PushFailure.Kind.UNREACHABLE, 0, "push to " + URL + " failed: ConnectException: Connection refused");
        PushFailure timeout = new PushFailure(PushFailure.Kind.TIMEOUT, 0, "push to " + URL + " timed out after 5s");

        listener.failed(refused);                 // logged
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            listener.failed(refused);             // 12:00:10 .. 12:00:50: suppressed
        }
        clock.advance(Duration.ofSeconds(10));
        listener.failed(refused);                 // 12:01:00: logged with the count
        listener.failed(timeout);                 // a different message: logged
        listener.failed(refused);                 // different from the last one logged: logged
        listener.succeeded(clock.instant());      // recovery: logged once
        listener.succeeded(clock.instant());      // nothing

        assertEquals(List.of(
                        "WARN push to " + URL + " failed: ConnectException: Connection refused",
                        "WARN push to " + URL + " failed: ConnectException: Connection refused (5 more since 2026-01-01T12:00:10Z)",
                        "WARN push to " + URL + " timed out after 5s",
                        "WARN push to " + URL + " failed: ConnectException: Connection refused",
                        "INFO push to " + URL + " succeeded again after 9 failed attempts"),
                logs.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
        assertEquals(Level.WARN, logs.list.get(0).getLevel());
    }
}
