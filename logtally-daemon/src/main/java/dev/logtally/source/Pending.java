package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of a stream to be read to its end before the stream's current file: a rotated file being
 * drained through its still-open channel, or an archive (rotated copy, {@code .tmp}, {@code .gz}) being
 * finished. Read in order, a bounded number of bytes per poll.
 *
 * <pre>{@code
 * Pending p = backlog.peek();
 * p.read(sink, budget, now);
 * if (p.caughtUp() && p.finished(now)) { p.close(); done.add(p.position(stream).asDone()); }
 * }</pre>
 */
sealed interface Pending extends Closeable permits DrainingFile, ArchiveFile {

    /** Reads up to {@code budget} bytes; returns how many. */
    long read(LineSink sink, int budget, long now) throws IOException;

    /** Nothing known is left unread right now. */
    boolean caughtUp();

    /** Read to the end and no longer expected to grow: may be closed. */
    boolean finished(long now);

    /** Once {@link #finished}: delivers lines still held as an unfinished multi-line object. */
    default void flush(LineSink sink) {
    }

    /** Where reading stands, for the checkpoint. */
    FilePosition position(String stream);

    /** True when this is the file with identity {@code key}. */
    boolean hasKey(Object key);

    Path path();

    /** The file is now known under another name. */
    void renamedTo(Path p);

    /** Bytes known to be unread. */
    long lag();

    /** Bytes of an incomplete last line. */
    long pendingBytes();

    /** A one-line description of damage met while reading, or null. */
    String damage();

    @Override
    void close();
}
