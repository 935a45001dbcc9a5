package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * The drop-in on a stack it does not support: the Java API's fields are plain {@link Field} objects (their
 * text goes into the message as usual) and the line is written by {@link MinimalJsonEncoder}, which needs
 * neither logstash-logback-encoder nor Jackson. Chosen by {@link Flavours} together with an ERROR that names
 * the stack found.
 *
 * <pre>{@code
 * Object field = new PlainFlavour().keyValue("active_connections", 42L); // toString(): active_connections=42
 * }</pre>
 */
final class PlainFlavour implements JsonFlavour {
    @Override
    public Object text(String name, String value) {
        return new Field(name, value, String.valueOf(value), true);
    }

    @Override
    public Object number(String name, double value) {
        return new Field(name, value, Double.toString(value), false);
    }

    @Override
    public Object keyValue(String name, double value) {
        return new Field(name, value, name + "=" + value, false);
    }

    @Override
    public Object keyValue(String name, long value) {
        return new Field(name, value, name + "=" + value, false);
    }

    @Override
    public Encoder<ILoggingEvent> encoder(EncoderSettings settings) {
        MinimalJsonEncoder encoder = new MinimalJsonEncoder(settings.service(), settings.release());
        encoder.setContext(settings.context());
        return encoder;
    }

    /**
     * One field of an event: {@code value} is a String (or null) when {@code text}, else a Number;
     * {@code rendered} is what the message shows.
     */
    record Field(String name, Object value, String rendered, boolean text) {
        @Override
        public String toString() {
            return rendered;
        }
    }
}
