package dev.logtally.bench;

import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The configurations issue 2's benchmark compares (the first six), and the steps from (b) to (c) that
 * break the drop-in's extra cost down (three steps from (b), each adding one thing; (c) sync adds the
 * drop-in's encoder providers to the last; and (c) sync with one scope per session), each a Logback XML under
 * {@code src/jmh/resources/dev/logtally/bench/} and the way its events are logged.
 *
 * <pre>{@code
 * try (DropInLogging logging = DropInLogging.start(DropInConfig.DROPIN_ASYNC)) {
 *     logging.emit();
 * }
 * }</pre>
 */
public enum DropInConfig {
    /** (a) FileAppender with a pattern layout, plain arguments. */
    FILE_PATTERN("dropin-a-pattern.xml", DropInEvent::plain, false),
    /** (b) plain LogstashEncoder with the drop-in's rolling, plain arguments. */
    LOGSTASH_ROLLING("dropin-b-logstash.xml", DropInEvent::plain, false),
    /** (b′) plain LogstashEncoder with rolling, writing (c)'s line content by plain means (UUID ID). */
    LOGSTASH_SAME_LINE("dropin-b-same-line.xml", DropInEvent::plainSameLine, false),
    /** (c) the drop-in, events straight to LOGTALLY_FILE (the caller writes). */
    DROPIN_SYNC("dropin-c-sync.xml", DropInEvent::logtally, false),
    /**
     * (c) sync with the encoder line proposed for the drop-in: {@code StringMdcEntryWriter} writes
     * {@code correlation_id} without Jackson databind (the same line).
     */
    DROPIN_SYNC_MDC_WRITER("dropin-c-sync-mdc-writer.xml", DropInEvent::logtally, false),
    /** (c) the drop-in as shipped, events to LOGTALLY (the never-dropping async queue, NeverDropAsyncAppender). */
    DROPIN_ASYNC("dropin-c-async.xml", DropInEvent::logtally, false),
    /** (c) async as before NeverDropAsyncAppender: Logback's AsyncAppender, never discarding, in front of LOGTALLY_FILE. */
    DROPIN_ASYNC_LOGBACK("dropin-c-async-logback.xml", DropInEvent::logtally, false),
    /** Breakdown: (b) with the timed event's two fields made by {@code StructuredArguments.value}. */
    LOGSTASH_TIMED_POJO("dropin-b-logstash.xml", DropInEvent::timedPojo, false),
    /** Breakdown: (b) with the timed event through {@code Timing.record}, no correlation scope. */
    LOGSTASH_TIMED("dropin-b-logstash.xml", DropInEvent::timed, false),
    /** Breakdown: (b) with the full logtally event: correlation scope and {@code Timing.record}. */
    LOGSTASH_TIMED_SCOPED("dropin-b-logstash.xml", DropInEvent::logtally, false),
    /**
     * (c) sync with one correlation scope around the whole run instead of one per event: a session or a
     * request that logs many events under one ID (the MDC changes once, not per event).
     */
    DROPIN_SYNC_SESSION("dropin-c-sync.xml", DropInEvent::timed, true),
    /** Breakdown: (b′) with logtally's ID generator instead of {@code UUID.randomUUID()}. */
    LOGSTASH_SAME_LINE_OWN_ID("dropin-b-same-line.xml", DropInEvent::plainSameLineOwnId, false),
    /** Breakdown: the last, with {@code service} and {@code release} by logtally's provider instead of {@code customFields}. */
    LOGSTASH_SAME_LINE_PROVIDER("dropin-b-same-line-provider.xml", DropInEvent::plainSameLineOwnId, false);

    private final String resource;
    private final Consumer<Logger> event;
    private final boolean session;

    DropInConfig(String resource, Consumer<Logger> event, boolean session) {
        this.resource = resource;
        this.event = event;
        this.session = session;
    }

    /** The Logback configuration, a classpath resource next to this class. */
    public String resource() {
        return resource;
    }

    /** Whether one correlation scope stays open around all events (on the logging thread). */
    public boolean session() {
        return session;
    }

    /** Logs one benchmark event the way this configuration's user does. */
    public Consumer<Logger> event() {
        return event;
    }
}
