package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The drop-in's encoder: the JSON line of {@code logtally-appender.xml} (logstash-logback-encoder's fields
 * plus {@code service}, {@code release} and {@code stack_hash}) on whichever supported stack the service runs —
 * logstash-logback-encoder 8 with Jackson 2, or 9 with Jackson 3. It names no class of the encoder or of
 * Jackson, so it loads on any stack; at {@link #start()} it builds the line's encoder through the flavour
 * {@link Flavours} chose once, and hands it every event.
 *
 * <p>On an unsupported stack (logstash-logback-encoder 7.x, no Jackson, Logback 1.4, ...) it reports an
 * ERROR through Logback's status system naming the versions found and the ones needed (Logback prints it at
 * start-up; Spring Boot refuses to start on it) and writes minimal JSON lines ({@link MinimalJsonEncoder}),
 * so that no event is lost while the dependencies are fixed.
 *
 * <pre>{@code
 * <encoder class="dev.logtally.logback.LogtallyEncoder">
 *   <service>${logtally.service:-app}</service>
 *   <release>${logtally.release:-}</release>
 *   <stackExclusions>^sun\.reflect\.,^java\.lang\.Thread\.run</stackExclusions>
 * </encoder>
 * }</pre>
 */
public final class LogtallyEncoder extends EncoderBase<ILoggingEvent> {
    private String service = ServiceFields.DEFAULT_SERVICE;
    private String release = "";
    private String stackExclusions = "";
    /** The line's encoder, made at start. */
    private Encoder<ILoggingEvent> line;

    /** The value of {@code service}; blank is reported and replaced by {@code app}. */
    public void setService(String service) {
        this.service = service;
    }

    /** The value of {@code release}; null or blank leaves the field out. */
    public void setRelease(String release) {
        this.release = release;
    }

    /** Comma-separated regular expressions of stack frames left out of {@code stack_trace} and {@code stack_hash}. */
    public void setStackExclusions(String stackExclusions) {
        this.stackExclusions = stackExclusions;
    }

    public String getService() {
        return service;
    }

    public String getRelease() {
        return release;
    }

    public String getStackExclusions() {
        return stackExclusions;
    }

    @Override
    public void start() {
        if (Flavours.PROBLEM != null) {
            addError(Flavours.PROBLEM);
        }
        EncoderSettings settings = new EncoderSettings(getContext(), service, release, stackExclusions);
        Encoder<ILoggingEvent> encoder;
        try {
            encoder = Flavours.CURRENT.encoder(settings);
            encoder.start();
        } catch (LinkageError e) {
            // A supported encoder whose own dependencies do not fit, e.g. jackson-databind 3.2 with an older
            // jackson-annotations (NoClassDefFoundError): say so, and keep every event in minimal lines.
            addError("logtally: the JSON encoder cannot start on this stack (" + e + "); a jar of the stack is missing "
                    + "or too old (align the versions of Jackson's jars). Writing minimal JSON lines instead.", e);
            encoder = new PlainFlavour().encoder(settings);
            encoder.start();
        }
        if (!encoder.isStarted()) {
            addError("logtally: the line's encoder " + encoder.getClass().getName() + " did not start; see the errors above");
            return;
        }
        line = encoder;
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (line != null) {
            line.stop();
        }
    }

    @Override
    public byte[] headerBytes() {
        return line.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return line.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return line.footerBytes();
    }
}
