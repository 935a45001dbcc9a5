package dev.logtally.logback;

import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;
import tools.jackson.core.JsonGenerator;

/**
 * Writes MDC entries ({@code correlation_id} among them) as JSON strings straight to the generator.
 * Without an entry writer, logstash-logback-encoder 9.0 hands every MDC value to Jackson databind
 * ({@code writePOJOProperty}: a serializer lookup in a shared cache per value), which was about a tenth of
 * the caller's time for a drop-in event (docs/BENCHMARKS.md, issue 2). An MDC value is always a String, and
 * databind writes a String as this does, so the line is the same byte for byte. It takes every entry; put
 * typed writers (the encoder's {@code LongMdcEntryWriter}, ...) before it if some MDC values should be numbers.
 *
 * <p>This is the Jackson 3 (logstash-logback-encoder 9) writer; {@link LogtallyEncoder} adds it, or its
 * Jackson 2 twin on logstash-logback-encoder 8, by itself.
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <mdcEntryWriter class="dev.logtally.logback.StringMdcEntryWriter"/>
 * </encoder>
 * }</pre>
 */
public final class StringMdcEntryWriter implements MdcEntryWriter {
    @Override
    public boolean writeMdcEntry(JsonGenerator generator, String fieldName, String mdcKey, String value) {
        generator.writeStringProperty(fieldName, value);
        return true;
    }
}
