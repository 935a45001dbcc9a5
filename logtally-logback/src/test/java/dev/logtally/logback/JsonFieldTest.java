package dev.logtally.logback;

import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.StringWriter;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link JsonField} writes exactly the line that {@code StructuredArguments.value} writes, value for value. */
class JsonFieldTest {
    private static final List<Double> NUMBERS = List.of(12.346, 3.0, 0.0, -0.0, 1e-7, 1.0E21, 123456789.125,
            Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    private static final List<String> TEXTS = java.util.Arrays.asList("mining.submit", "", null,
            "quote \" backslash \\ newline \n tab \t", "ünïcödé \u2028 \ud83d\ude00", "\u0001");

    @Test
    void theLineIsTheOneStructuredArgumentsValueWrites() {
        LoggerContext context = context();
        LogstashEncoder encoder = encoder(context);
        for (String text : TEXTS) {
            for (double number : NUMBERS) {
                String expected = encode(encoder, context, value("method", text), value("duration_ms", number));
                String actual = encode(encoder, context, JsonField.text("method", text), JsonField.number("duration_ms", number));
                assertEquals(expected, actual, text + " / " + number);
            }
        }
    }

    @Test
    void keyValueWritesTheLineThatStructuredArgumentsKeyValueWrites() {
        LoggerContext context = context();
        LogstashEncoder encoder = encoder(context);
        for (double number : NUMBERS) {
            if (Double.isFinite(number)) { // Gauge logs only finite doubles
                assertEquals(event(encoder, context, "gauge {}", keyValue("memory_used_mb", number)),
                        event(encoder, context, "gauge {}", JsonField.keyValue("memory_used_mb", number)), String.valueOf(number));
            }
        }
        for (long number : new long[] {0, 42, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(event(encoder, context, "gauge {}", keyValue("active_connections", number)),
                    event(encoder, context, "gauge {}", JsonField.keyValue("active_connections", number)), String.valueOf(number));
        }
        assertEquals("{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"gauge active_connections=42\","
                        + "\"logger_name\":\"t\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000,"
                        + "\"active_connections\":42}",
                event(encoder, context, "gauge {}", JsonField.keyValue("active_connections", 42L)));
    }

    @Test
    void anErrorTypeBeyondThePlaceholdersIsOnlyAField() {
        LoggerContext context = context();
        LogstashEncoder encoder = encoder(context);
        assertEquals(event(encoder, context, "share {} not saved", "s-17", value("error_type", "db_write_failed")),
                event(encoder, context, "share {} not saved", "s-17", JsonField.text("error_type", "db_write_failed")));
        assertEquals("{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"share s-17 not saved\","
                        + "\"logger_name\":\"t\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000,"
                        + "\"error_type\":\"db_write_failed\"}",
                event(encoder, context, "share {} not saved", "s-17", JsonField.text("error_type", "db_write_failed")));
    }

    @Test
    void aTimedEventLooksAsBefore() {
        LoggerContext context = context();
        LogstashEncoder encoder = encoder(context);
        assertEquals("{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"@version\":\"1\",\"message\":\"mining.submit took 12.346 ms\","
                        + "\"logger_name\":\"t\",\"thread_name\":\"main\",\"level\":\"INFO\",\"level_value\":20000,"
                        + "\"method\":\"mining.submit\",\"duration_ms\":12.346}",
                encode(encoder, context, JsonField.text("method", "mining.submit"), JsonField.number("duration_ms", 12.346)));
    }

    @Test
    void withJacksonsFastDoubleWriterTheNumberIsJacksons() {
        JsonMapper mapper = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        for (double number : NUMBERS) {
            StringWriter expected = new StringWriter();
            try (JsonGenerator g = mapper.createGenerator(expected)) {
                g.writeStartObject();
                g.writeName("d");
                g.writeNumber(number);
                g.writeEndObject();
            }
            StringWriter actual = new StringWriter();
            try (JsonGenerator g = mapper.createGenerator(actual)) {
                g.writeStartObject();
                JsonField.number("d", number).writeTo(g);
                g.writeEndObject();
            }
            assertEquals(expected.toString(), actual.toString(), String.valueOf(number));
        }
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static LogstashEncoder encoder(LoggerContext context) {
        LogstashEncoder encoder = EncodedLine.encoder(context);
        encoder.start();
        return encoder;
    }

    private static String encode(LogstashEncoder encoder, LoggerContext context, Object method, Object duration) {
        return event(encoder, context, "{} took {} ms", method, duration);
    }

    private static String event(LogstashEncoder encoder, LoggerContext context, String format, Object... args) {
        return EncodedLine.of(encoder, context, format, args);
    }
}
