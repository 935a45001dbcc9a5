package dev.logtally.pipeline;

import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.LogField;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.Line;

/**
 * Feeds the tailer's error events into its {@link ErrorGroups}. The tailer's parser reads only what it
 * counts and notes where the short texts a group keeps sit in the line (message, correlation ID, release,
 * stack hash, fingerprint: {@link ParserOptions#noting}); for the few lines that are errors, this decodes
 * just those values ({@link LineParser#withTexts}), and the stack trace only for a group that has none yet
 * (its first event). No line is parsed twice; every other line costs one level comparison.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(options, clock, Pipeline.EventTap.NONE, new GroupFeed(groups));
 * }</pre>
 */
public final class GroupFeed implements Pipeline.ErrorFeed {
    /** The texts a group keeps of its events. */
    static final LogField[] TEXTS = {LogField.MESSAGE, LogField.CORRELATION_ID, LogField.RELEASE,
        LogField.STACK_HASH, LogField.FINGERPRINT};

    private final ErrorGroups groups;
    private long order;

    public GroupFeed(ErrorGroups groups) {
        this.groups = groups;
    }

    @Override
    public ParserOptions parserOptions(ParserOptions fields) {
        return fields.noting(TEXTS);
    }

    @Override
    public void accept(Event e, Line line, LineParser parser) {
        if (!groups.isError(e)) {
            return;
        }
        Event full = parser.withTexts(e, line);
        if (groups.wantsStack(full)) {
            full = parser.withStack(full, line); // a group's first event: its stack trace too
        }
        groups.add(full, full.method(), 0, ++order);
    }
}
