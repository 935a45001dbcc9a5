package dev.logtally;

import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.config.Options;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.LogField;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.source.Line;

/**
 * Feeds the tailer's error events into its {@link ErrorGroups}. The tailer's parser reads only what it
 * counts; for the few lines that are errors, this reads the line once more, capturing the texts a group
 * keeps (message, correlation ID, release, stack trace and hash, fingerprint). Every other line costs one
 * level comparison.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(options, clock, Pipeline.EventTap.NONE, new GroupFeed(groups, options));
 * }</pre>
 */
public final class GroupFeed implements Pipeline.ErrorFeed {
    private final ErrorGroups groups;
    private final LineParser texts;
    private long order;

    public GroupFeed(ErrorGroups groups, Options options) {
        this.groups = groups;
        this.texts = new LineParser(options.fields().capturing(LogField.MESSAGE, LogField.CORRELATION_ID,
                LogField.RELEASE, LogField.STACK_TRACE, LogField.STACK_HASH, LogField.FINGERPRINT));
    }

    @Override
    public void accept(Event e, Line line) {
        if (!groups.isError(e)) {
            return;
        }
        Event full = texts.parse(line, ParseErrorSink.IGNORE);
        if (full != null) {
            groups.add(full, full.method(), 0, ++order);
        }
    }
}
