package dev.logtally.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** An incident logs exactly its rate of connection_timeout errors while its file exists, and none otherwise. */
class IncidentTest {
    @TempDir
    Path tmp;

    private final Logger logger = (Logger) LoggerFactory.getLogger(StratumProxy.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
    }

    @Test
    void errorsAtItsRateWhileTheFileExists() throws Exception {
        Path file = tmp.resolve("outage");
        Incident incident = Incident.whileExists(file, 10);
        incident.step(0);
        assertEquals(0, events.list.size(), "no file, no incident");
        Files.createFile(file);
        incident.step(200_000_000L);          // switched on here
        incident.step(1_200_000_000L);        // one second later: 10 errors due
        assertEquals(10, events.list.size());
        Files.delete(file);
        incident.step(1_400_000_000L);
        incident.step(5_000_000_000L);
        assertEquals(10, events.list.size(), "off again");
        ILoggingEvent e = events.list.get(0);
        assertEquals("upstream pool timed out (incident)", e.getFormattedMessage());
        assertEquals("java.net.SocketTimeoutException", e.getThrowableProxy().getClassName());
        assertEquals("connection_timeout", errorType(e));
    }

    private static String errorType(ILoggingEvent e) {
        for (Object arg : e.getArgumentArray() == null ? new Object[0] : e.getArgumentArray()) {
            if (arg.toString().contains("connection_timeout")) {
                return "connection_timeout";
            }
        }
        return e.getMDCPropertyMap().getOrDefault("error_type", "(none)");
    }
}
