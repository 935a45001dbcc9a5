package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.archive.TracedEvent;
import dev.logtally.parse.Event;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON API's bodies (documented in the README, section "Issues page"), written with Jackson's
 * streaming generator: times as ISO-8601 UTC strings (null when unknown), absent text as null.
 *
 * <pre>{@code
 * String body = IssuesJson.page(query.apply(groups.groups()));
 * }</pre>
 */
final class IssuesJson {
    private static final JsonFactory JSON = new JsonFactory();

    private IssuesJson() {
    }

    /** {@code GET /api/issues}. */
    static String page(IssueQuery.Page page) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberProperty("total", page.total());
            g.writeNumberProperty("page", page.page());
            g.writeNumberProperty("pages", page.pages());
            g.writeNumberProperty("page_size", IssueQuery.PAGE_SIZE);
            g.writeArrayPropertyStart("issues");
            for (ErrorGroupView i : page.issues()) {
                g.writeStartObject();
                fields(g, i);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code GET /api/issues/<fingerprint>} and the answer to a status change. */
    static String issue(ErrorGroupView i) {
        return write(g -> {
            g.writeStartObject();
            fields(g, i);
            strings(g, "stack_head", i.stackHead());
            strings(g, "recent_samples", i.recentSamples());
            g.writeObjectPropertyStart("hourly");
            time(g, "last_hour", i.hourly().endHourMillis());
            g.writeArrayPropertyStart("counts");
            for (int c : i.hourly().toArray()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringProperty("trace_url", i.sampleCorrelationId() == null ? null : Urls.apiTrace(i.sampleCorrelationId()));
            g.writeEndObject();
        });
    }

    private static void fields(JsonGenerator g, ErrorGroupView i) {
        g.writeStringProperty("fingerprint", i.fingerprint());
        g.writeStringProperty("error_type", i.errorType());
        g.writeStringProperty("stack_hash", i.stackHash());
        g.writeNumberProperty("count", i.count());
        time(g, "first_seen", i.firstSeen());
        time(g, "last_seen", i.lastSeen());
        g.writeStringProperty("sample_message", i.sampleMessage());
        g.writeStringProperty("sample_correlation_id", i.sampleCorrelationId());
        strings(g, "services", i.services());
        strings(g, "methods", i.methods());
        strings(g, "releases", i.releases());
        g.writeStringProperty("first_release", i.firstRelease());
        g.writeStringProperty("status", i.status().state().label());
        g.writeStringProperty("resolved_in", i.status().inRelease());
        g.writeStringProperty("resolved_after", i.status().afterRelease());
        g.writeBooleanProperty("regressed", i.regressed());
        g.writeBooleanProperty("new", i.isNew());
        numbers(g, "last_24h", IssueView.lastHours(i.hourly(), 24));
        numbers(g, "last_14d", IssueView.lastDays(i.hourly(), 14));
        g.writeStringProperty("url", Urls.issue(i.fingerprint()));
    }

    /** {@code GET /api/trace/<correlation_id>}. */
    static String trace(Breadcrumbs.Crumbs c) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("correlation_id", c.id());
            g.writeNumberProperty("found", c.found());
            g.writeBooleanProperty("truncated", c.truncated());
            g.writeBooleanProperty("timed_out", c.timedOut());
            g.writeNumberProperty("files", c.files());
            g.writeNumberProperty("millis", c.millis());
            strings(g, "problems", c.problems());
            g.writeArrayPropertyStart("events");
            for (TracedEvent t : c.events()) {
                Event e = t.event();
                g.writeStartObject();
                time(g, "time", e.timestampMillis());
                g.writeStringProperty("level", e.level());
                g.writeStringProperty("logger", e.logger());
                g.writeStringProperty("thread", e.thread());
                g.writeStringProperty("message", e.message());
                g.writeStringProperty("service", e.service());
                g.writeStringProperty("release", e.release());
                g.writeStringProperty("method", e.method());
                if (e.hasDuration()) {
                    g.writeNumberProperty("duration_ms", e.durationMs());
                }
                g.writeStringProperty("error_type", e.errorType());
                g.writeStringProperty("stack_hash", e.stackHash());
                g.writeStringProperty("stack_trace", e.stackTrace());
                g.writeStringProperty("file", IssueView.fileName(t.file()));
                g.writeNumberProperty("offset", t.offset());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code {"error":"..."}}: the body of every 4xx and 5xx answer of the API. */
    static String error(String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringProperty("error", message);
            g.writeEndObject();
        });
    }

    private static void time(JsonGenerator g, String name, long millis) {
        g.writeStringProperty(name, millis == Event.NO_TIME ? null : Instant.ofEpochMilli(millis).toString());
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String name, long[] values) {
        g.writeArrayPropertyStart(name);
        for (long v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator g);
    }

    private static String write(Body body) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            body.write(g);
        }
        return text.append('\n').toString();
    }
}
