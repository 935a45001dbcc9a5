package dev.logtally.pipeline;

import dev.logtally.aggregate.MetricSnapshot;
import java.io.IOException;

/**
 * What the reader thread does, one step at a time: read what is new, and now and then make it durable.
 * Implemented by {@link FollowPipeline}, driven by {@code run.ReaderLoop}; tests call it directly.
 */
public interface FollowStep {

    /** Reads, parses and counts what is new in every followed file; returns the bytes read. */
    long poll();

    /**
     * Writes a checkpoint (file positions and metric values of this same instant) and returns the
     * snapshot it holds: the only values that may be pushed or served.
     */
    MetricSnapshot checkpoint() throws IOException;
}
