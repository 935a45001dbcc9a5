package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The drop-in on logstash-logback-encoder 8 and Jackson 2 ({@code com.fasterxml.jackson}), the stack of
 * Spring Boot 3: {@link Jackson2JsonField}, {@link Jackson2StringMdcEntryWriter} and
 * {@link Jackson2ServiceJsonProvider}, the twins of the Jackson 3 classes, writing the same bytes. Compiled
 * against logstash-logback-encoder 8.1 (src/main/jackson2, see the module's pom) and loaded by name by
 * {@link Flavours} only on that stack.
 *
 * <pre>{@code
 * JsonFlavour flavour = new Jackson2Flavour();
 * Object duration = flavour.number("duration_ms", 12.346);
 * }</pre>
 */
final class Jackson2Flavour implements JsonFlavour {
    @Override
    public Object text(String name, String value) {
        return Jackson2JsonField.text(name, value);
    }

    @Override
    public Object number(String name, double value) {
        return Jackson2JsonField.number(name, value);
    }

    @Override
    public Object keyValue(String name, double value) {
        return Jackson2JsonField.keyValue(name, value);
    }

    @Override
    public Object keyValue(String name, long value) {
        return Jackson2JsonField.keyValue(name, value);
    }

    @Override
    public Encoder<ILoggingEvent> encoder(EncoderSettings settings) {
        Jackson2ServiceJsonProvider service = new Jackson2ServiceJsonProvider();
        service.setService(settings.service());
        service.setRelease(settings.release());
        return LogstashLine.build(settings, new Jackson2StringMdcEntryWriter(), service);
    }
}
