package dev.logtally.pipeline;

import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.config.Options;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.LogField;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.source.Line;

/**
 * Feeds the tailer's error events into its {@link ErrorGroups}. The tailer's parser reads only what it
 * counts; for the few lines that are errors, this reads the line once more, capturing the short texts a group
 * keeps (message, correlation ID, release, stack hash, fingerprint), and the stack trace only for a group that
 * has none yet (its first event). Every other line costs one level comparison.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(options, clock, Pipeline.EventTap.NONE, new GroupFeed(groups, options));
 * }</pre>
 */
public final class GroupFeed implements Pipeline.ErrorFeed {
    private final ErrorGroups groups;
    private final LineParser texts;
    private final LineParser withStack;
    private long order;

    public GroupFeed(ErrorGroups groups, Options options) {
        this.groups = groups;
        this.texts = new LineParser(options.fields().capturing(LogField.MESSAGE, LogField.CORRELATION_ID,
                LogField.RELEASE, LogField.STACK_HASH, LogField.FINGERPRINT));
        this.withStack = new LineParser(options.fields().capturing(LogField.MESSAGE, LogField.CORRELATION_ID,
                LogField.RELEASE, LogField.STACK_HASH, LogField.FINGERPRINT, LogField.STACK_TRACE));
    }

    @Override
    public void accept(Event e, Line line) {
        if (!groups.isError(e)) {
            return;
        }
        Event full = texts.parse(line, ParseErrorSink.IGNORE);
        if (full != null && groups.wantsStack(full)) {
            full = withStack.parse(line, ParseErrorSink.IGNORE); // a group's first event: its stack trace too
        }
        if (full != null) {
            groups.add(full, full.method(), 0, ++order);
        }
    }
}
