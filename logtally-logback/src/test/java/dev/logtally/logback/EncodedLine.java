package dev.logtally.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * One INFO event of logger {@code t} on thread {@code main} at the epoch, encoded by a bare
 * {@link LogstashEncoder}: the line the encoder tests compare, field for field, with and without logtally's
 * pieces.
 *
 * <pre>{@code
 * LogstashEncoder encoder = EncodedLine.encoder(context);
 * encoder.start();
 * String line = EncodedLine.of(encoder, context, "gauge {}", JsonField.keyValue("active_connections", 42L));
 * }</pre>
 */
final class EncodedLine {
    private EncodedLine() {
    }

    /** A LogstashEncoder without the context's properties, not yet started (so writers can still be added). */
    static LogstashEncoder encoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        return encoder;
    }

    /** The line {@code encoder} writes for the event, without its trailing newline. */
    static String of(LogstashEncoder encoder, LoggerContext context, String format, Object... args) {
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("t"), Level.INFO, format, null, args);
        event.setTimeStamp(0);
        event.setThreadName("main");
        return new String(encoder.encode(event), StandardCharsets.UTF_8).stripTrailing();
    }
}
