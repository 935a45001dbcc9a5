package dev.logtally.parse;

import static net.logstash.logback.argument.StructuredArguments.kv;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.logstash.logback.composite.loggingevent.StackHashJsonProvider;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lines written by the real logstash-logback-encoder 9.0 (through Logback's own event and encoder, with
 * fixed times, thread names and stack frames so the output is stable) are parsed as the contract says.
 * {@code logstash.jsonl} pins what the encoder wrote when the expectations were made: if an encoder
 * upgrade changes its output, the first assertion shows how.
 */
class LogstashOutputTest {
    private static final Instant T0 = Instant.parse("2026-11-24T11:56:22.123Z");

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("com.example.payments.PaymentService");

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void realEncoderOutputParsesAsExpected() throws IOException {
        byte[] written = encodeSamples();
        // If this fails, the encoder's output changed: look at the diff before updating the expectations.
        Golden.checkFile("logstash.jsonl", new String(written, StandardCharsets.UTF_8));

        List<byte[]> lines = Golden.lines(written);
        ParserOptions tailer = ParserOptions.builder().gauges(List.of("queue_depth")).build();
        Golden.check("logstash", Golden.render(lines, new LineParser(tailer)));
        ParserOptions archive = ParserOptions.builder().gauges(List.of("queue_depth")).captureAll().build();
        Golden.check("logstash-capture", Golden.render(lines, new LineParser(archive)));
    }

    private byte[] encodeSamples() throws IOException {
        // The drop-in's shape: custom service/release fields, local time zone with an offset.
        LogstashEncoder plain = encoder("Europe/Berlin");
        // Shortened class names and a stack hash, UTC.
        LogstashEncoder shortened = encoder("UTC");
        ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
        converter.setShortenedClassNameLength(1);
        shortened.setThrowableConverter(converter);
        shortened.addProvider(new StackHashJsonProvider());
        plain.start();
        shortened.start();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain.encode(event(0, Level.INFO, "http-nio-8080-exec-1", Map.of("correlation_id", "c0ffee-1"),
                "charged {} in {}", null, kv("method", "POST /charge"), kv("duration_ms", 12.5))));
        out.write(plain.encode(event(1, Level.INFO, "http-nio-8080-exec-2", Map.of(),
                "queue {}", null, kv("queue_depth", 7))));
        out.write(plain.encode(event(2, Level.ERROR, "http-nio-8080-exec-1", Map.of("correlation_id", "c0ffee-1"),
                "charge failed", timeout(), kv("error_type", "connection_timeout"))));
        out.write(plain.encode(event(3, Level.ERROR, "worker-3", Map.of("correlation_id", "c0ffee-2"),
                "unexpected", wrapped())));
        out.write(plain.encode(event(4, Level.WARN, "worker-3", Map.of(),
                "slow call: ünïcödé ✓ 😀 \"quoted\" \t tab", null, kv("method", "GET /orders/{id}"), kv("duration_ms", 1500L))));
        out.write(shortened.encode(event(5, Level.ERROR, "worker-4", Map.of(), "timed out", timeout())));
        out.write(shortened.encode(event(6, Level.DEBUG, "worker-4", new TreeMap<>(Map.of("duration_ms", "3.25", "method", "mdc-timed")),
                "timed through the MDC", null)));
        return out.toByteArray();
    }

    private LogstashEncoder encoder(String zone) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setCustomFields("{\"service\":\"payments\",\"release\":\"1.4.2\"}");
        encoder.setTimeZone(zone);
        encoder.setLineSeparator("\n");
        return encoder;
    }

    private LoggingEvent event(int second, Level level, String thread, Map<String, String> mdc,
                               String message, Throwable t, Object... args) {
        LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, level, message, t, args.length == 0 ? null : args);
        e.setInstant(T0.plusSeconds(second));
        e.setThreadName(thread);
        e.setMDCPropertyMap(mdc);
        return e;
    }

    private static Throwable timeout() {
        SocketTimeoutException e = new SocketTimeoutException("connect timed out");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("sun.nio.ch.NioSocketImpl", "timedFinishConnect", "NioSocketImpl.java", 546),
            new StackTraceElement("com.example.payments.PaymentService", "charge", "PaymentService.java", 88),
        });
        return e;
    }

    private static Throwable wrapped() {
        IllegalStateException e = new IllegalStateException("charge aborted", timeout());
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.payments.PaymentService", "submit", "PaymentService.java", 120),
        });
        return e;
    }
}
