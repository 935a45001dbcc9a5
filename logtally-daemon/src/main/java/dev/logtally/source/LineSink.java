package dev.logtally.source;

/**
 * Receives the lines a reader produces, in file order. Called on the reading thread; an implementation
 * must not keep {@link Line#buf()} past the call.
 */
@FunctionalInterface
public interface LineSink {
    void accept(Line line);
}
