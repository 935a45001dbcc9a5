package dev.logtally.samples;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the events that reach the root logger's appenders, beside the drop-in: the demo paces itself
 * on it ({@code --rate} is in events per second) and reports the total at the end.
 */
final class EventCounter extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final AtomicLong count = new AtomicLong();

    EventCounter() {
        setName("DEMO_EVENT_COUNTER");
    }

    @Override
    protected void append(ILoggingEvent event) {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
