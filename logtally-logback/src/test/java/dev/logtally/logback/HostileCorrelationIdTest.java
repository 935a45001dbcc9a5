package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inbound correlation ID that is not short and of safe characters is replaced by a fresh one, and
 * never reaches a log line raw: one test per kind of hostile value, each through the real drop-in.
 */
class HostileCorrelationIdTest {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("newline", "req-1234\n{\"level\":\"ERROR\",\"message\":\"forged\"}",
                        "character U+000A at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("carriage return", "req-1234\rforged", "character U+000D at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("double quote", "req\"1234\",\"level\":\"ERROR", "character U+0022 at index 3 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("backslash", "req-1234\\u0000", "character U+005C at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("10 kB", "x".repeat(10_240), "length 10240 outside 8..64"),
                Arguments.of("one over the limit", "y".repeat(65), "length 65 outside 8..64"),
                Arguments.of("NUL", "req-1234\u0000zz", "character U+0000 at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("ANSI escape", "\u001b[31mreq-1234", "character U+001B at index 0 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("DEL", "req-1234\u007fzz", "character U+007F at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("non-ASCII letter", "req-1234-\u00e9t\u00e9", "character U+00E9 at index 9 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("bidi override", "req-1234\u202ezz", "character U+202E at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("lone surrogate", "req-1234\ud800zz", "character U+D800 at index 8 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("space", "req 1234 zz", "character U+0020 at index 3 is not a letter, digit, '-', '_', '.' or ':'"),
                Arguments.of("too short", "req-12", "length 6 outside 8..64"),
                Arguments.of("empty", "", "length 0 outside 8..64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isReplacedByAFreshIdAndNeverWrittenRaw(String kind, String inbound, String reason, @TempDir Path dir) throws Exception {
        assertEquals(reason, CorrelationId.rejectionReason(inbound));
        List<String> lines;
        String id;
        ListAppender<ILoggingEvent> notices = captureNotices();
        try (DropIn dropIn = DropIn.start(dir, Map.of())) {
            org.slf4j.Logger log = dropIn.logger("hostile");
            // A notice of its own: the shared one reports each kind of rejection once per JVM.
            try (Correlation.Scope scope = Correlation.resume(inbound, new RejectedIdNotice(LoggerFactory.getLogger(Correlation.class)))) {
                id = scope.id();
                assertNotEquals(inbound, id);
                assertTrue(HEX32.matcher(id).matches(), id);
                assertEquals(id, Correlation.current());
                log.info("request handled");
            }
            lines = dropIn.stopAndReadAll();
        } finally {
            release(notices);
        }
        assertEquals(1, lines.size(), String.join("\n", lines));
        String line = lines.get(0);
        assertEquals(id, JSON.readTree(line).path("correlation_id").asString(), line);
        assertFalse(!inbound.isEmpty() && line.contains(inbound), kind + " written raw: " + line);
        assertFalse(line.contains(JSON.writeValueAsString(inbound)), kind + " written escaped: " + line);
        // the notice (INFO, the first of its kind, from Correlation's own logger) says why, without quoting the
        // value, under the fresh ID
        assertEquals(List.of("INFO inbound correlation ID of " + inbound.length() + " characters replaced by " + id + ": " + reason
                        + " (an ID is kept when it has 8 to 64 characters, each an ASCII letter, digit, '-', '_', '.' or ':');"
                        + " later IDs " + CorrelationId.rejection(inbound).kind().words() + " are replaced with a DEBUG note only [" + id + "]"),
                notices.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
                        + " [" + e.getMDCPropertyMap().get("correlation_id") + "]").toList());
    }

    /** Catches what Correlation logs in the default LoggerContext (whose root is at WARN). */
    private static ListAppender<ILoggingEvent> captureNotices() {
        Logger logger = (Logger) LoggerFactory.getLogger(Correlation.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(Correlation.class);
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void absentInboundIdGetsAFreshOneWithoutANotice(@TempDir Path dir) {
        List<String> lines;
        ListAppender<ILoggingEvent> notices = captureNotices();
        try (DropIn dropIn = DropIn.start(dir, Map.of())) {
            try (Correlation.Scope scope = Correlation.resume(null)) {
                assertTrue(HEX32.matcher(scope.id()).matches(), scope.id());
                dropIn.logger("hostile").info("request handled");
            }
            lines = dropIn.stopAndReadAll();
        } finally {
            release(notices);
        }
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertEquals(List.of(), notices.list);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3f2a9c1e-7b4d-4e8f-9a0b-1c2d3e4f5a6b",                      // UUID
            "4bf92f3577b34da6a3ce929d0e0e4736",                          // W3C trace-id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",   // W3C traceparent
            "01ARZ3NDEKTSV4RRFFQ69G5FAV",                                // ULID
            "req_2026.11:24",                                            // every allowed punctuation
            "abcdefgh",                                                  // shortest
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab"}) // longest
    void safeInboundIdsAreKeptAsTheyAre(String inbound) {
        try (Correlation.Scope scope = Correlation.resume(inbound)) {
            assertEquals(inbound, scope.id());
            assertEquals(inbound, Correlation.current());
        }
        assertEquals(inbound, CorrelationId.acceptOrGenerate(inbound));
    }
}
