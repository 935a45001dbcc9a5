package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The drop-in on logstash-logback-encoder 9 and Jackson 3 ({@code tools.jackson}): {@link JsonField},
 * {@link StringMdcEntryWriter} and {@link ServiceJsonProvider}. Chosen by {@link Flavours}; its Jackson 2 twin
 * is {@code Jackson2Flavour} (src/main/jackson2).
 *
 * <pre>{@code
 * JsonFlavour flavour = new Jackson3Flavour();
 * Object duration = flavour.number("duration_ms", 12.346);
 * }</pre>
 */
final class Jackson3Flavour implements JsonFlavour {
    @Override
    public Object text(String name, String value) {
        return JsonField.text(name, value);
    }

    @Override
    public Object number(String name, double value) {
        return JsonField.number(name, value);
    }

    @Override
    public Object keyValue(String name, double value) {
        return JsonField.keyValue(name, value);
    }

    @Override
    public Object keyValue(String name, long value) {
        return JsonField.keyValue(name, value);
    }

    @Override
    public Encoder<ILoggingEvent> encoder(EncoderSettings settings) {
        ServiceJsonProvider service = new ServiceJsonProvider();
        service.setService(settings.service());
        service.setRelease(settings.release());
        return LogstashLine.build(settings, new StringMdcEntryWriter(), service);
    }
}
