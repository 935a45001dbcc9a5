package dev.logtally.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;

/**
 * {@link StringMdcEntryWriter} for logstash-logback-encoder 8 (Jackson 2): MDC entries written as JSON strings
 * straight to the generator, byte for byte what databind writes for a String.
 *
 * <pre>{@code
 * encoder.addMdcEntryWriter(new Jackson2StringMdcEntryWriter());
 * }</pre>
 */
final class Jackson2StringMdcEntryWriter implements MdcEntryWriter {
    @Override
    public boolean writeMdcEntry(JsonGenerator generator, String fieldName, String mdcKey, String value) throws IOException {
        generator.writeStringField(fieldName, value);
        return true;
    }
}
