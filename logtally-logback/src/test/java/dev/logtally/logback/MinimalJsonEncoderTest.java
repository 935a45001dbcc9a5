package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fallback line of an unsupported stack, field by field (the whole golden run is
 * {@code DropInStacksTest}): JSON escaping of every control character, the API's fields typed, numbers that
 * JSON cannot hold written as strings, and a blank service reported as by the real provider.
 */
class MinimalJsonEncoderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String encode(MinimalJsonEncoder encoder, LoggerContext context, String message, Object... args) {
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("t"), Level.INFO, message, null, args);
        event.setTimeStamp(0);
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("correlation_id", "c\"1"));
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void everyControlCharacterIsEscapedAndTheLineReadsBack() {
        LoggerContext context = new LoggerContext();
        MinimalJsonEncoder encoder = new MinimalJsonEncoder("svc", "1.0");
        encoder.setContext(context);
        encoder.start();
        String message = "a\u0001b\bc\fd\re\\f\"g\u001fh\u007f";
        String line = encode(encoder, context, message);
        String timestamp = line.substring("{\"@timestamp\":\"".length(), line.indexOf("\",\"@version\""));
        assertEquals(OffsetDateTime.parse("1970-01-01T00:00:00Z").toInstant(), OffsetDateTime.parse(timestamp).toInstant());
        assertEquals("{\"@timestamp\":\"" + timestamp + "\",\"@version\":\"1\","
                + "\"message\":\"a\\u0001b\\bc\\fd\\re\\\\f\\\"g\\u001fh\u007f\",\"logger_name\":\"t\",\"thread_name\":\"main\","
                + "\"level\":\"INFO\",\"level_value\":20000,\"correlation_id\":\"c\\\"1\",\"service\":\"svc\",\"release\":\"1.0\"}\n", line);
        assertEquals(message, JSON.readTree(line).path("message").asString());
    }

    @Test
    void theApisFieldsAreTypedAndNonFiniteNumbersAreStrings() {
        LoggerContext context = new LoggerContext();
        MinimalJsonEncoder encoder = new MinimalJsonEncoder("svc", "");
        encoder.setContext(context);
        encoder.start();
        PlainFlavour plain = new PlainFlavour();
        JsonNode e = JSON.readTree(encode(encoder, context, "{} took {} ms; {} {}", plain.text("method", "m\n"),
                plain.number("duration_ms", Double.NaN), plain.keyValue("active_connections", 42L), plain.text("error_type", null)));
        assertEquals("m\n took NaN ms; active_connections=42 null", e.path("message").asString());
        assertEquals("m\n", e.path("method").asString());
        assertEquals("NaN", e.path("duration_ms").asString());
        assertEquals(42, e.path("active_connections").asInt());
        assertEquals(true, e.path("active_connections").isIntegralNumber());
        assertEquals(true, e.path("error_type").isNull());
        assertEquals(true, e.path("release").isMissingNode());
    }

    @Test
    void aBlankServiceIsReportedAndWrittenAsApp() {
        LoggerContext context = new LoggerContext();
        MinimalJsonEncoder encoder = new MinimalJsonEncoder(" ", null);
        encoder.setContext(context);
        encoder.start();
        List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR).map(Status::getMessage).collect(Collectors.toList());
        assertEquals(List.of("logtally: the service name (property logtally.service) is empty; writing \"service\":\"app\""), errors);
        assertEquals("app", JSON.readTree(encode(encoder, context, "x")).path("service").asString());
    }
}
