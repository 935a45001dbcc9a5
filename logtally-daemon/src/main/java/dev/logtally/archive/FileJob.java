package dev.logtally.archive;

import dev.logtally.source.ArchiveReader;
import dev.logtally.source.LineSink;

/**
 * What an archive tool does with the lines of one file: {@link #sink()} receives them, in file order, on
 * one thread; {@link #finish} turns what it gathered into the file's result. A job belongs to one file and
 * one thread, so it needs no locking.
 *
 * <pre>{@code
 * FileJob<MetricSnapshot> job = new FileJob<>() {
 *     final Pipeline p = Pipeline.create(options, clock);
 *     public LineSink sink() { return p; }
 *     public MetricSnapshot finish(ArchiveReader.Result r) { return p.snapshot(); }
 * };
 * }</pre>
 *
 * @param <R> the result of one file
 */
public interface FileJob<R> {
    /** Receives the file's complete lines. */
    LineSink sink();

    /**
     * Called once the file was read as far as it could be.
     *
     * @param result what the reading did (lines, partial last line, damage); null when the file could not be opened
     */
    R finish(ArchiveReader.Result result);
}
