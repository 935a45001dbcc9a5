package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The fallback line, written with nothing but Logback when the stack is unsupported ({@link PlainFlavour}):
 * one JSON object per line with logstash-logback-encoder's field names, so the tailer still counts every
 * event — {@code @timestamp, @version, message, logger_name, thread_name, level, level_value}, the whole
 * {@code stack_trace}, the MDC entries (as strings), the Java API's fields ({@link PlainFlavour.Field}),
 * {@code service} and {@code release}. No {@code stack_hash}, and the stack trace is neither shortened nor
 * filtered.
 *
 * <pre>{@code
 * MinimalJsonEncoder encoder = new MinimalJsonEncoder("loka-stratum", "");
 * encoder.setContext(context);
 * encoder.start();
 * byte[] line = encoder.encode(event); // {"@timestamp":"...","@version":"1","message":"hello",...}\n
 * }</pre>
 */
final class MinimalJsonEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.systemDefault());

    private final String service;
    private final String release;
    /** {@code ,"service":"...","release":"..."}: made at start. */
    private String tail = "";

    MinimalJsonEncoder(String service, String release) {
        this.service = service;
        this.release = release;
    }

    @Override
    public void start() {
        String[] fields = ServiceFields.resolve(service, release, this);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            string(b, fields[i], fields[i + 1]);
        }
        tail = b.toString();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"@timestamp\":");
        quoted(b, TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp())));
        b.append(",\"@version\":\"1\"");
        string(b, "message", event.getFormattedMessage());
        string(b, "logger_name", event.getLoggerName());
        string(b, "thread_name", event.getThreadName());
        string(b, "level", event.getLevel().toString());
        b.append(",\"level_value\":").append(event.getLevel().toInt());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            string(b, "stack_trace", ThrowableProxyUtil.asString(thrown));
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((k, v) -> string(b, k, v));
        }
        Object[] args = event.getArgumentArray();
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof PlainFlavour.Field f) {
                    field(b, f);
                }
            }
        }
        b.append(tail).append("}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder b, PlainFlavour.Field f) {
        if (f.text()) {
            string(b, f.name(), (String) f.value());
        } else if (f.value() instanceof Double d && !Double.isFinite(d)) {
            string(b, f.name(), d.toString()); // not a JSON number: written as Jackson does by default
        } else {
            b.append(",\"");
            escape(b, f.name());
            b.append("\":").append(f.value());
        }
    }

    /** {@code ,"name":"value"}, or {@code ,"name":null}. */
    private static void string(StringBuilder b, String name, String value) {
        b.append(",\"");
        escape(b, name);
        b.append("\":");
        if (value == null) {
            b.append("null");
        } else {
            quoted(b, value);
        }
    }

    private static void quoted(StringBuilder b, String value) {
        b.append('"');
        escape(b, value);
        b.append('"');
    }

    /** JSON string escaping: quote, backslash and control characters. */
    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }
}
