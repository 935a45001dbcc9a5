package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes the drop-in's fixed fields into every line: {@code service}, and {@code release} only when it
 * is not empty.
 *
 * <p>Why not the encoder's {@code customFields}: it is raw JSON text, so a value holding a quote breaks
 * every line, and leaving {@code release} out when it is empty would need Logback's {@code <if>}, which
 * needs Janino. Bad values are reported through Logback's status system, as the encoder's own providers
 * do; the fields are decided once, at {@link #start()}, so the per-line work is two or four writes.
 *
 * <p>This is the Jackson 3 (logstash-logback-encoder 9) writer; {@link LogtallyEncoder} adds it, or its
 * Jackson 2 twin on logstash-logback-encoder 8, by itself. Name it in a configuration of your own only on
 * logstash-logback-encoder 9:
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <provider class="dev.logtally.logback.ServiceJsonProvider">
 *     <service>${logtally.service:-app}</service>
 *     <release>${logtally.release:-}</release>
 *   </provider>
 * </encoder>
 * }</pre>
 */
public final class ServiceJsonProvider extends AbstractJsonProvider<ILoggingEvent> {
    /** Name of the service field (CONTRACT §3). */
    public static final String SERVICE_FIELD = "service";
    /** Name of the release field (CONTRACT §3). */
    public static final String RELEASE_FIELD = "release";
    /** The service written when none (or an empty one) is configured, as {@code logtally.service} defaults. */
    public static final String DEFAULT_SERVICE = "app";

    private String service = DEFAULT_SERVICE;
    private String release = "";
    /** Field names and values, alternating; fixed at start. */
    private SerializableString[] fields = new SerializableString[0];

    /** The value of {@code service}; blank is reported and replaced by {@value #DEFAULT_SERVICE}. */
    public void setService(String service) {
        this.service = service;
    }

    /** The value of {@code release}; null or blank leaves the field out. */
    public void setRelease(String release) {
        this.release = release;
    }

    public String getService() {
        return service;
    }

    public String getRelease() {
        return release;
    }

    @Override
    public void start() {
        String[] resolved = ServiceFields.resolve(service, release, this);
        SerializableString[] f = new SerializableString[resolved.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = json(resolved[i]);
        }
        fields = f;
        super.start();
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) {
        SerializableString[] f = fields;
        for (int i = 0; i < f.length; i += 2) {
            generator.writeName(f[i]);
            generator.writeString(f[i + 1]);
        }
    }

    /** Escaped once here, written as is on every line. */
    private static SerializableString json(String text) {
        return new SerializedString(text);
    }
}
