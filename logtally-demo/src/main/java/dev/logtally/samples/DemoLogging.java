package dev.logtally.samples;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Points the JVM's Logback at the drop-in for the demo: a fresh configuration from the classpath
 * resource {@code dev/logtally/samples/demo-logback.xml} (which includes {@code logtally-appender.xml}),
 * with the drop-in's properties taken from the demo's options. Any Logback error (an unwritable
 * directory, say) ends the demo with one line naming it.
 *
 * <pre>{@code
 * DemoLogging logging = DemoLogging.start(Map.of("logtally.dir", "/tmp/demo", "logtally.service", "loka-stratum"));
 * ... log ...
 * logging.stop();   // drains the queue and waits for the archives' compression
 * }</pre>
 */
final class DemoLogging {
    static final String RESOURCE = "/dev/logtally/samples/demo-logback.xml";

    private final LoggerContext context;
    private final EventCounter counter;

    private DemoLogging(LoggerContext context, EventCounter counter) {
        this.context = context;
        this.counter = counter;
    }

    static DemoLogging start(Map<String, String> properties) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new DemoException("demo-app needs Logback as the SLF4J provider, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        context.reset();
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = DemoLogging.class.getResource(RESOURCE);
        long since = System.currentTimeMillis();
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new DemoException("cannot configure logging from " + config + ": " + e.getMessage());
        }
        firstError(context, since).ifPresent(problem -> {
            context.stop();
            throw new DemoException("cannot log to " + properties.get("logtally.dir") + ": " + problem);
        });
        EventCounter counter = new EventCounter();
        counter.setContext(context);
        counter.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(counter);
        return new DemoLogging(context, counter);
    }

    /** Events logged so far. */
    long events() {
        return counter.count();
    }

    /** Writes out everything queued, closes the file, waits for the archives' compression. */
    void stop() {
        context.stop();
    }

    private static Optional<String> firstError(LoggerContext context, long since) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR && s.getTimestamp() >= since)
                .map(s -> s.getThrowable() == null ? s.getMessage() : s.getMessage() + " (" + s.getThrowable().getMessage() + ")")
                .findFirst();
    }
}
