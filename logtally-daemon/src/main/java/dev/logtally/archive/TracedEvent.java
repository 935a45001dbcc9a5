package dev.logtally.archive;

import dev.logtally.parse.Event;
import java.util.Comparator;

/**
 * One event of a traced correlation ID, with where it was read.
 *
 * <pre>{@code
 * events.sort(TracedEvent.IN_TIME_ORDER);
 * }</pre>
 *
 * @param event     the parsed event, every text field captured
 * @param file      the file it was read from
 * @param offset    the line's byte offset in the file's (uncompressed) content
 * @param fileIndex the file's place in the reading order
 */
public record TracedEvent(Event event, String file, long offset, int fileIndex) {
    /** By event time (events without a time first), then in reading order. */
    public static final Comparator<TracedEvent> IN_TIME_ORDER = Comparator
            .comparingLong((TracedEvent t) -> t.event.timestampMillis())
            .thenComparingInt(TracedEvent::fileIndex)
            .thenComparingLong(TracedEvent::offset);
}
