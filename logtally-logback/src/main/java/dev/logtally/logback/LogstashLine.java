package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.StackHashJsonProvider;
import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * Builds the logstash-logback-encoder that writes the drop-in's line, given a flavour's two writers. The
 * same code serves logstash-logback-encoder 8 and 9: it calls only methods whose signatures hold no Jackson
 * type ({@code addProvider(JsonProvider)}, {@code addMdcEntryWriter(MdcEntryWriter)}, setters of strings,
 * numbers and Logback types), which link on both lines. It is loaded only by a flavour, after
 * {@link StackCheck} found a supported encoder.
 *
 * <pre>{@code
 * LogstashEncoder encoder = LogstashLine.build(settings, new StringMdcEntryWriter(), serviceProvider);
 * encoder.start();
 * }</pre>
 */
final class LogstashLine {
    /** Frames kept per exception in {@code stack_trace}. */
    static final int MAX_DEPTH_PER_THROWABLE = 40;
    /** Characters of {@code stack_trace} at most. */
    static final int MAX_STACK_TRACE_LENGTH = 8192;

    private LogstashLine() {
    }

    /**
     * The encoder, not started: the encoder's default fields with {@code includeContext} off, every line
     * ending in {@code \n}; MDC values through {@code mdcWriter}; then {@code service} (and {@code release})
     * by {@code serviceProvider}, {@code stack_hash}, and {@code stack_trace} outermost exception first,
     * 40 frames per exception and 8 KiB at most, both without the frames {@code settings.stackExclusions()} names.
     */
    static LogstashEncoder build(EncoderSettings settings, MdcEntryWriter mdcWriter, JsonProvider<ILoggingEvent> serviceProvider) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(settings.context());
        // Every line ends in \n, whatever the platform: the tailer splits on \n.
        encoder.setLineSeparator("UNIX");
        // Not the LoggerContext's name and properties: they would repeat on every line.
        encoder.setIncludeContext(false);
        // MDC values (correlation_id) written as plain strings, not through Jackson databind: same bytes, less work.
        encoder.addMdcEntryWriter(mdcWriter);
        serviceProvider.setContext(settings.context());
        encoder.addProvider(serviceProvider);
        String exclusions = settings.stackExclusions() == null ? "" : settings.stackExclusions().strip();
        StackHashJsonProvider stackHash = new StackHashJsonProvider();
        stackHash.setContext(settings.context());
        ShortenedThrowableConverter stackTrace = new ShortenedThrowableConverter();
        stackTrace.setContext(settings.context());
        stackTrace.setMaxDepthPerThrowable(MAX_DEPTH_PER_THROWABLE);
        stackTrace.setMaxLength(MAX_STACK_TRACE_LENGTH);
        stackTrace.setRootCauseFirst(false);
        if (!exclusions.isEmpty()) {
            stackHash.addExclusions(exclusions);
            stackTrace.addExclusions(exclusions);
        }
        encoder.addProvider(stackHash);
        encoder.setThrowableConverter(stackTrace);
        return encoder;
    }
}
