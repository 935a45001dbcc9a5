package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The real drop-in in a LoggerContext of a test's own: {@code logback-test.xml} (which includes
 * {@code logtally-appender.xml}) configured with {@code logtally.dir} in a temporary directory.
 *
 * <pre>{@code
 * try (DropIn dropIn = DropIn.start(dir, Map.of("logtally.maxFileSize", "64KB"))) {
 *     dropIn.logger("x").info("hello");
 *     List<String> lines = dropIn.stopAndReadAll();
 * }
 * }</pre>
 */
final class DropIn implements AutoCloseable {
    /** An archive the drop-in made, compressed or still waiting for compression (1.6.x temp name). */
    static final Pattern ARCHIVE = Pattern.compile("app\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log(\\.gz)?");

    final LoggerContext context;
    final Path dir;

    private DropIn(LoggerContext context, Path dir) {
        this.context = context;
        this.dir = dir;
    }

    /** Starts the drop-in writing {@code dir/app.log}, root at TRACE, with extra properties. */
    static DropIn start(Path dir, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("logtally.dir", dir.toString());
        all.put("logtally.test.level", "TRACE");
        all.putAll(properties);
        LoggerContext context = new LoggerContext();
        context.setName("drop-in-" + dir.getFileName());
        context.setMDCAdapter(MDC.getMDCAdapter());
        all.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = DropIn.class.getResource("/logback-test.xml");
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new AssertionError("drop-in configuration failed", e);
        }
        assertEquals(List.of(), problems(context), "Logback status warnings/errors while configuring");
        return new DropIn(context, dir);
    }

    /** Status messages at WARN or above, as text. */
    static List<String> problems(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : ": " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /**
     * Stops the context (the async queue drains), checks that every archive is compressed by then, and
     * returns every line of the archives and of the active file.
     */
    List<String> stopAndReadAll() {
        context.stop();
        List<String> uncompressed = files().stream().map(DropIn::name)
                .filter(n -> !n.equals("app.log") && !n.endsWith(".gz")).collect(Collectors.toList());
        assertEquals(List.of(), uncompressed, "files not compressed when stop() returned");
        List<String> lines = new ArrayList<>();
        for (Path p : files()) {
            lines.addAll(read(p));
        }
        return lines;
    }

    List<Path> files() {
        return files(dir);
    }

    /** The files in {@code dir}, sorted by name. */
    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }

    /** Lines of a file, gunzipped when its name ends in {@code .gz}; fails on a last line without {@code \n}. */
    static List<String> read(Path p) {
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = name(p).endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            byte[] all = in.readAllBytes();
            if (all.length > 0 && all[all.length - 1] != '\n') {
                throw new AssertionError(p + " does not end with \\n");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(all), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
