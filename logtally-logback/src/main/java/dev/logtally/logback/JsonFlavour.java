package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/**
 * What differs between the logging stacks the drop-in runs on: the structured arguments the Java API passes
 * with an event, and the encoder that writes the line. logstash-logback-encoder 9 writes with Jackson 3
 * ({@code tools.jackson}), 8 with Jackson 2 ({@code com.fasterxml.jackson}); their writer interfaces have
 * the same names and different method signatures, so each needs classes compiled against it:
 * {@link Jackson3Flavour} (in {@code src/main/java}) and {@code Jackson2Flavour} (in {@code src/main/jackson2},
 * compiled against logstash-logback-encoder 8.1). {@link PlainFlavour} is what runs on a stack neither supports.
 *
 * <p>One flavour is chosen once per JVM, by {@link Flavours#CURRENT}; the per-event code calls it through that
 * constant, so no event asks which stack it is on.
 *
 * <pre>{@code
 * Object field = Flavours.CURRENT.text("error_type", "db_write_failed");
 * log.error("share {} not saved", shareId, field, cause);
 * }</pre>
 */
interface JsonFlavour {
    /** A string field; null is written as JSON null and rendered {@code "null"}. */
    Object text(String name, String value);

    /** A number field, rendered as the number's text in the message. */
    Object number(String name, double value);

    /** A number field rendered {@code name=value} in the message. */
    Object keyValue(String name, double value);

    /** A whole-number field rendered {@code name=value} in the message. */
    Object keyValue(String name, long value);

    /** The encoder writing the drop-in's line with these settings, not yet started. */
    Encoder<ILoggingEvent> encoder(EncoderSettings settings);
}
