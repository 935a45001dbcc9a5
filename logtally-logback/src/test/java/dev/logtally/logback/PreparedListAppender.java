package dev.logtally.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Logback's {@link ListAppender} that fixes each event's MDC and arguments when it arrives, as every appender
 * that keeps events for later does (the drop-in's async appender too): the recorded event shows the
 * {@code correlation_id} of the scope it was logged in, even when read after that scope closed.
 */
public class PreparedListAppender extends ListAppender<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent e) {
        e.prepareForDeferredProcessing();
        super.append(e);
    }
}
