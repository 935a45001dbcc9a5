package dev.logtally.cli;

import dev.logtally.archive.Times;
import dev.logtally.archive.TracedEvent;
import dev.logtally.parse.Event;
import java.util.List;

/**
 * {@code trace --json}: one JSON object per event and line, in time order, with every field the event
 * has — {@code time} (ISO-8601 UTC, milliseconds), {@code level}, {@code logger}, {@code thread},
 * {@code message}, {@code correlation_id}, {@code service}, {@code release}, {@code method},
 * {@code duration_ms}, {@code error_type}, {@code stack_hash}, {@code stack_trace} (whole) — and where it
 * was read: {@code file} and {@code offset} (of the line in the file's content, uncompressed for gzip). Absent fields are left out.
 *
 * <pre>{@code
 * out.print(TraceJson.render(result.events()));
 * }</pre>
 */
public final class TraceJson {
    private TraceJson() {
    }

    public static String render(List<TracedEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 256);
        for (TracedEvent t : events) {
            out.append(line(t));
        }
        return out.toString();
    }

    static String line(TracedEvent t) {
        Event e = t.event();
        return new JsonLines.Object()
                .string("time", e.hasTimestamp() ? Times.full(e.timestampMillis()) : null)
                .string("level", e.level())
                .string("logger", e.logger())
                .string("thread", e.thread())
                .string("message", e.message())
                .string("correlation_id", e.correlationId())
                .string("service", e.service())
                .string("release", e.release())
                .string("method", e.method())
                .number("duration_ms", e.durationMs())
                .string("error_type", e.errorType())
                .string("stack_hash", e.stackHash())
                .string("stack_trace", e.stackTrace())
                .string("file", t.file())
                .number("offset", t.offset())
                .end();
    }
}
