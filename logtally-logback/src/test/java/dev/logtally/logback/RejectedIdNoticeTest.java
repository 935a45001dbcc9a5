package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * A replaced inbound correlation ID is reported at INFO once per kind of rejection (too long, too short, an
 * unsafe character) and at DEBUG after that, never quoting the value: through a LoggerContext configured
 * by a real configuration file ({@code logback/correlation-notices.xml}, Correlation's logger at INFO as in
 * a service) and the recording appender it declares.
 */
class RejectedIdNoticeTest {
    private static final String FORM = " (an ID is kept when it has 8 to 64 characters, each an ASCII letter, digit, '-', '_', '.' or ':');";
    private final List<String> ids = new ArrayList<>();
    private LoggerContext context;
    private RejectedIdNotice notice;

    @BeforeEach
    void configure() throws JoranException {
        context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the MDC that Correlation's scopes write
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(RejectedIdNoticeTest.class.getResource("/logback/correlation-notices.xml"));
        notice = new RejectedIdNotice(context.getLogger(Correlation.class));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void eachKindIsReportedAtInfoOnceWithWhatReplacedItAndWhy() {
        for (String inbound : List.of("x".repeat(70), "short", "y".repeat(100), "bad id 1234", "z".repeat(65),
                "req-1234\n{\"forged\":1}", "abc", "3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b")) {
            resume(inbound);
        }
        resume(null); // no header: a fresh ID, nothing to report
        assertEquals(List.of(
                "INFO inbound correlation ID of 70 characters replaced by " + ids.get(0) + ": length 70 outside 8..64" + FORM
                        + " later IDs too long are replaced with a DEBUG note only [" + ids.get(0) + "]",
                "INFO inbound correlation ID of 5 characters replaced by " + ids.get(1) + ": length 5 outside 8..64" + FORM
                        + " later IDs too short are replaced with a DEBUG note only [" + ids.get(1) + "]",
                "INFO inbound correlation ID of 11 characters replaced by " + ids.get(3) + ": character U+0020 at index 3 is not a letter,"
                        + " digit, '-', '_', '.' or ':'" + FORM + " later IDs with an unsafe character are replaced with a DEBUG note only ["
                        + ids.get(3) + "]"),
                recorded());
        assertEquals("3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b", ids.get(7), "a safe ID is kept");
    }

    @Test
    void laterRejectionsOfAKindAreDebugNotes() {
        context.getLogger(Correlation.class).setLevel(Level.DEBUG);
        resume("x".repeat(70));
        resume("y".repeat(100));
        resume("req-1234\u202ezz");
        resume("req 1234");
        assertEquals(List.of(
                "INFO inbound correlation ID of 70 characters replaced by " + ids.get(0) + ": length 70 outside 8..64" + FORM
                        + " later IDs too long are replaced with a DEBUG note only [" + ids.get(0) + "]",
                "DEBUG inbound correlation ID of 100 characters replaced by " + ids.get(1) + ": length 100 outside 8..64 [" + ids.get(1) + "]",
                "INFO inbound correlation ID of 11 characters replaced by " + ids.get(2) + ": character U+202E at index 8 is not a letter,"
                        + " digit, '-', '_', '.' or ':'" + FORM + " later IDs with an unsafe character are replaced with a DEBUG note only ["
                        + ids.get(2) + "]",
                "DEBUG inbound correlation ID of 8 characters replaced by " + ids.get(3)
                        + ": character U+0020 at index 3 is not a letter, digit, '-', '_', '.' or ':' [" + ids.get(3) + "]"),
                recorded());
    }

    private void resume(String inbound) {
        try (Correlation.Scope scope = Correlation.resume(inbound, notice)) {
            ids.add(scope.id());
        }
    }

    /** What the configuration's NOTICES appender got: level, message and the event's correlation_id. */
    private List<String> recorded() {
        @SuppressWarnings("unchecked")
        ListAppender<ILoggingEvent> notices = (ListAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("NOTICES");
        return notices.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage() + " ["
                + e.getMDCPropertyMap().get(Correlation.MDC_KEY) + "]").toList();
    }
}
