package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * {@link ServiceJsonProvider} for logstash-logback-encoder 8 (Jackson 2): {@code service}, and {@code release}
 * when it is not blank, decided once at {@link #start()} ({@link ServiceFields}) and escaped once.
 *
 * <pre>{@code
 * Jackson2ServiceJsonProvider provider = new Jackson2ServiceJsonProvider();
 * provider.setService("loka-stratum");
 * encoder.addProvider(provider);
 * }</pre>
 */
final class Jackson2ServiceJsonProvider extends AbstractJsonProvider<ILoggingEvent> {
    private String service = ServiceFields.DEFAULT_SERVICE;
    private String release = "";
    /** Field names and values, alternating; fixed at start. */
    private SerializableString[] fields = new SerializableString[0];

    void setService(String service) {
        this.service = service;
    }

    void setRelease(String release) {
        this.release = release;
    }

    @Override
    public void start() {
        String[] resolved = ServiceFields.resolve(service, release, this);
        SerializableString[] f = new SerializableString[resolved.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = new SerializedString(resolved[i]);
        }
        fields = f;
        super.start();
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        SerializableString[] f = fields;
        for (int i = 0; i < f.length; i += 2) {
            generator.writeFieldName(f[i]);
            generator.writeString(f[i + 1]);
        }
    }
}
