package dev.logtally.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.logtally.logback.Correlation;
import dev.logtally.logback.NeverDropAsyncAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One benchmark configuration running: its own {@link LoggerContext}, configured by
 * {@link JoranConfigurator} from the configuration's XML, writing {@code app.log} (and its archives) into a
 * fresh temporary directory. {@link #finish()} stops it and proves that the run wrote what the benchmark
 * claims: every event emitted is a line on disk, and the last line is exactly the expected event.
 *
 * <pre>{@code
 * DropInLogging logging = DropInLogging.start(DropInConfig.DROPIN_SYNC);
 * for (int i = 0; i < 1000; i++) {
 *     logging.emit();
 * }
 * System.out.println(logging.finish()); // stops, checks, deletes the directory
 * }</pre>
 */
public final class DropInLogging {
    /** The logger every event goes through (its name is in every line). */
    public static final String LOGGER = "dev.logtally.bench.StratumProxy";
    /** The active file's stem ({@code logtally.file}). */
    public static final String STEM = "app";
    /** The drop-in's async appender, as named in {@code logtally-appender.xml}. */
    public static final String ASYNC_APPENDER = "LOGTALLY";
    private static final Duration COMPRESSION_WAIT = Duration.ofSeconds(60);
    /** Logback's warning when the synchronous configuration leaves the drop-in's async appender unused. */
    private static final String ASYNC_UNUSED = "Appender named [" + ASYNC_APPENDER + "] not referenced. Skipping further processing.";

    private final DropInConfig config;
    private final LoggerContext context;
    private final Path dir;
    private final Logger logger;
    private final Consumer<Logger> event;
    /** The scope around all events of a session configuration, else null. */
    private final Correlation.Scope session;
    private long emitted;

    private DropInLogging(DropInConfig config, LoggerContext context, Path dir) {
        this.config = config;
        this.context = context;
        this.dir = dir;
        this.logger = context.getLogger(LOGGER);
        this.event = config.event();
        this.session = config.session() ? Correlation.open() : null;
    }

    /**
     * Configures {@code config} in a new temporary directory. Call it on the thread that logs: a session
     * configuration opens its correlation scope there.
     *
     * @throws IllegalStateException if Logback reports a warning or an error while configuring
     */
    public static DropInLogging start(DropInConfig config) {
        Path dir;
        try {
            dir = Files.createTempDirectory("logtally-bench-" + config.name().toLowerCase(Locale.ROOT) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the benchmark's log directory", e);
        }
        try {
            return new DropInLogging(config, configure(config, dir), dir);
        } catch (RuntimeException e) {
            DropInFiles.delete(dir);
            throw e;
        }
    }

    private static LoggerContext configure(DropInConfig config, Path dir) {
        LoggerContext context = new LoggerContext();
        context.setName("bench-" + config.name());
        // The drop-in's correlation ID is put into SLF4J's MDC; this context must read that same MDC.
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("logtally.dir", dir.toString());
        context.putProperty("logtally.file", STEM);
        context.putProperty("logtally.service", "loka-stratum");
        context.putProperty("logtally.release", "2.0.0");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL xml = DropInLogging.class.getResource(config.resource());
        if (xml == null) {
            throw new IllegalStateException("benchmark configuration " + config.resource() + " is not on the classpath");
        }
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException(config.resource() + ": " + e.getMessage(), e);
        }
        List<String> problems = problems(context);
        if (!problems.isEmpty()) {
            context.stop();
            throw new IllegalStateException(config.resource() + ": Logback reported " + problems);
        }
        return context;
    }

    /** Logs the configuration's benchmark event once. */
    public void emit() {
        event.accept(logger);
        emitted++;
    }

    /**
     * The depth of the async appender the root logger writes to: the drop-in's {@code LOGTALLY}
     * ({@link NeverDropAsyncAppender}) or, for {@link DropInConfig#DROPIN_ASYNC_LOGBACK}, Logback's
     * {@code AsyncAppender} {@code LOGTALLY_LOGBACK}.
     */
    public DropInGate.Queue asyncQueue() {
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> logtally = root.getAppender(ASYNC_APPENDER);
        if (logtally instanceof NeverDropAsyncAppender async) {
            return new DropInGate.Queue(async.getQueueSize(), async::getNumberOfElementsInQueue);
        }
        if (root.getAppender(ASYNC_APPENDER + "_LOGBACK") instanceof AsyncAppender async) {
            return new DropInGate.Queue(async.getQueueSize(), async::getNumberOfElementsInQueue);
        }
        throw new IllegalStateException(config + " does not log through an async appender");
    }

    /**
     * Logs one last event, stops the context (the async queue drains, archives are compressed), checks
     * that every emitted event is a line on disk and that the last line is the expected event, and deletes
     * the directory whatever the outcome. Call it on the thread that logs (it closes a session's scope).
     *
     * @return a one-line summary: events, files, bytes per line
     * @throws IllegalStateException if a line is missing or the last line is not the expected event
     */
    public String finish() {
        try {
            emit();
            if (session != null) {
                session.close();
            }
            context.stop();
            List<String> problems = problems(context);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(config + ": Logback reported " + problems);
            }
            DropInFiles.awaitCompressed(dir, STEM, COMPRESSION_WAIT);
            String last = DropInFiles.lastLine(dir.resolve(STEM + ".log"));
            DropInLastLine.check(config, last);
            DropInFiles.Count count = DropInFiles.countLines(dir);
            if (count.lines() != emitted) {
                throw new IllegalStateException(config + ": " + emitted + " events emitted but " + count.lines()
                        + " lines on disk in " + count.files() + " files");
            }
            return String.format(Locale.ROOT, "%s: %,d events, all on disk (%d files: %s); a line is %d bytes",
                    config, emitted, count.files(), count.names(), last.length() + 1);
        } finally {
            DropInFiles.delete(dir);
        }
    }

    private static List<String> problems(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .filter(s -> !ASYNC_UNUSED.equals(s.getMessage()))
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : ": " + s.getThrowable()))
                .collect(Collectors.toList());
    }
}
