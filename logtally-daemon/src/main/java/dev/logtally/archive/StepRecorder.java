package dev.logtally.archive;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the cumulative totals of one part of a replay at every step of event time, for
 * {@code replay --format openmetrics}. It sits in the {@link Pipeline} as its {@link Pipeline.EventTap}:
 * when an event at or past the next step boundary {@code B} arrives, the aggregator's totals of everything
 * counted before it are exactly "all events before {@code B}", and they stay so for every boundary up to
 * that event's time. So each recorded {@link Step} holds from its boundary on, until the next step's.
 *
 * <p>The check per event is one comparison; a snapshot is taken once per step that has events. An event
 * logged out of order (earlier than a step boundary already passed in the same part) counts in the step in
 * which it was read; an event without a time counts in the step under way.
 *
 * <pre>{@code
 * StepRecorder steps = new StepRecorder(60_000);
 * Pipeline p = Pipeline.create(options, clock, steps);
 * steps.attach(p.aggregator());
 * reader.read(file, p);
 * List<StepRecorder.Step> recorded = steps.steps();
 * }</pre>
 */
public final class StepRecorder implements Pipeline.EventTap {
    /** Before the first timed event: no boundary yet. */
    private static final long NONE = Long.MIN_VALUE;

    private final long stepMillis;
    private final List<Step> steps = new ArrayList<>();
    private Aggregator aggregator;
    private long nextBoundary = NONE;

    /** A recorder of steps {@code stepMillis} long, aligned on multiples of the step since the epoch. */
    public StepRecorder(long stepMillis) {
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step must be positive, not " + stepMillis + " ms");
        }
        this.stepMillis = stepMillis;
    }

    /**
     * The totals from boundary {@code from} on (epoch milliseconds): every event before {@code from}, and
     * none at or after the next step's boundary.
     */
    public record Step(long from, MetricSnapshot totals) {
    }

    /** The aggregator whose totals are recorded: the one of the pipeline this recorder taps. */
    public void attach(Aggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public void beforeCount(Event e) {
        long t = e.timestampMillis();
        if (t >= nextBoundary && t != Event.NO_TIME) {
            crossed(t);
        }
    }

    private void crossed(long t) {
        if (nextBoundary != NONE) {
            steps.add(new Step(nextBoundary, aggregator.snapshot()));
        }
        nextBoundary = Math.floorDiv(t, stepMillis) * stepMillis + stepMillis;
    }

    /**
     * The steps recorded so far and, last, the totals so far from the next boundary on (the final totals
     * once the reading is over); empty when no event had a time.
     */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>(steps.size() + 1);
        out.addAll(steps);
        if (nextBoundary != NONE) {
            out.add(new Step(nextBoundary, aggregator.snapshot()));
        }
        return out;
    }
}
