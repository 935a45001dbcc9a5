package dev.logtally.parse;

import dev.logtally.source.Line;

/** Told of every {@link ParseError}, with the line it happened on (valid only during the call). */
@FunctionalInterface
public interface ParseErrorSink {
    void onError(ParseError error, Line line);

    ParseErrorSink IGNORE = (error, line) -> { };
}
