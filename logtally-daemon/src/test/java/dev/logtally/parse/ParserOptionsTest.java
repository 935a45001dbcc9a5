package dev.logtally.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.base.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserOptionsTest {

    @Test
    void defaultsAreTheContractsNamesAndTheTailersFields() {
        ParserOptions o = ParserOptions.defaults();
        String[] expected = {"@timestamp", "level", "message", "logger_name", "thread_name", "correlation_id",
            "service", "release", "error_type", "stack_trace", "stack_hash", "method", "duration_ms", "fingerprint"};
        LogField[] fields = LogField.values();
        assertEquals(expected.length, fields.length);
        for (int i = 0; i < fields.length; i++) {
            assertEquals(expected[i], o.name(fields[i]));
        }
        assertEquals(List.of(), o.gauges());
        for (LogField f : LogField.values()) {
            assertEquals(!f.optional(), o.captures(f), f.toString());
        }
    }

    @Test
    void configurationKeysMatchTheDesign() {
        StringBuilder keys = new StringBuilder();
        for (LogField f : LogField.values()) {
            keys.append(f.key()).append(' ');
        }
        assertEquals("timestamp level message logger thread correlation_id service release error_type stack_trace "
                + "stack_hash method duration_ms fingerprint ", keys.toString());
    }

    @Test
    void renamesGaugesAndCaptures() {
        ParserOptions o = ParserOptions.builder()
                .name(LogField.SERVICE, "app")
                .gauges(List.of("queue_depth", "pool_active"))
                .capture(LogField.MESSAGE, LogField.STACK_TRACE)
                .build();
        assertEquals("app", o.name(LogField.SERVICE));
        assertEquals(List.of("queue_depth", "pool_active"), o.gauges());
        assertTrue(o.captures(LogField.MESSAGE));
        assertTrue(o.captures(LogField.STACK_TRACE));
        assertFalse(o.captures(LogField.LOGGER));
        assertTrue(ParserOptions.builder().captureAll().build().captures(LogField.RELEASE));
    }

    @Test
    void badNamesAreOneLineConfigErrorsNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ParserOptions.builder().name(LogField.METHOD, "level").build());
        assertEquals("fields.method: 'level' is already the field of fields.level", e.getMessage());
        assertEquals("fields.method", e.key());

        e = assertThrows(ConfigException.class, () -> ParserOptions.builder().name(LogField.LOGGER, " ").build());
        assertEquals("fields.logger: a field name must not be empty", e.getMessage());

        e = assertThrows(ConfigException.class,
                () -> ParserOptions.builder().gauges(List.of("queue", "duration_ms")).build());
        assertEquals("gauges: 'duration_ms' is already the field of fields.duration_ms", e.getMessage());

        e = assertThrows(ConfigException.class,
                () -> ParserOptions.builder().gauges(List.of("queue", "queue")).build());
        assertEquals("gauges: 'queue' is listed twice", e.getMessage());

        // A renamed field frees its default name for another use.
        ParserOptions ok = ParserOptions.builder().name(LogField.LEVEL, "severity").gauges(List.of("level")).build();
        assertEquals(List.of("level"), ok.gauges());
    }

    @Test
    void onlyOptionalFieldsAreCapturedOnDemand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParserOptions.builder().capture(LogField.SERVICE));
        assertEquals("SERVICE is always read; only optional fields are captured on demand", e.getMessage());
    }
}
