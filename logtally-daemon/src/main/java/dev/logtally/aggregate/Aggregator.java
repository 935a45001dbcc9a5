package dev.logtally.aggregate;

import dev.logtally.parse.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate stage: turns {@link Event}s into the metrics of the contract (§4), held in logtally's own
 * state so that they can be checkpointed and restored exactly.
 *
 * <ul>
 *   <li>{@code NS_errors_total{error_type,service}}: events at an error level; a missing {@code error_type}
 *       counts as {@code unknown}, a missing {@code service} as the empty value (Prometheus: label absent).</li>
 *   <li>{@code NS_request_duration_seconds{method}}: events with a {@code method} and a valid duration
 *       observe {@code duration_ms / 1000}.</li>
 *   <li>{@code NS_<gauge>}: last value of each configured gauge field; not exported until seen.</li>
 * </ul>
 *
 * <p>Every label passes a cardinality guard: past {@code labels.max.values} distinct values, further
 * values count under {@code other} and each such event counts in {@code logtally_series_dropped_total}
 * of the given {@link SelfMetrics}. A family with no series yet is left out of the snapshot.
 *
 * <p>Not thread-safe: {@link #apply} and {@link #snapshot} run on one thread (the reader thread of
 * {@code tail}). {@link #apply} allocates nothing once the series of an event exist.
 *
 * <pre>{@code
 * SelfMetrics self = new SelfMetrics("0.1.0", Clock.systemUTC());
 * Aggregator agg = new Aggregator(AggregatorOptions.defaults("loka_stratum"), self);
 * checkpoint.ifPresent(cp -> agg.restore(cp.metrics(), "the state in " + stateDir));
 * agg.apply(event);
 * MetricSnapshot snap = Snapshots.combine(agg.snapshot(), self.checkpointed());
 * }</pre>
 */
public final class Aggregator {
    private final AggregatorOptions options;
    private final ErrorCounter errors;
    private final DurationHistogram durations;
    private final GaugeSet gauges;

    public Aggregator(AggregatorOptions options, SelfMetrics self) {
        this.options = options;
        this.errors = new ErrorCounter(options, self);
        this.durations = new DurationHistogram(options, self);
        this.gauges = new GaugeSet(options);
    }

    public AggregatorOptions options() {
        return options;
    }

    /** Counts one event. */
    public void apply(Event e) {
        errors.apply(e);
        durations.apply(e);
        gauges.apply(e);
    }

    /** Every metric counted so far, families sorted by name, series by label values. */
    public MetricSnapshot snapshot() {
        List<MetricFamily> families = new ArrayList<>(gauges.families());
        MetricFamily f = errors.family();
        if (f != null) {
            families.add(f);
        }
        f = durations.family();
        if (f != null) {
            families.add(f);
        }
        return Snapshots.sorted(families);
    }

    /** {@link #restore(MetricSnapshot, String)} for a snapshot from "the checkpoint". */
    public void restore(MetricSnapshot snapshot) {
        restore(snapshot, "the checkpoint");
    }

    /**
     * Resumes from a checkpoint's snapshot, into this fresh aggregator: afterwards, applying more events
     * gives exactly the snapshot one aggregator would give for all events. The label values of the restored
     * series count as admitted by the cardinality guard (even past a lowered limit: a counter is never taken
     * away). Families this aggregator does not produce are ignored: {@code logtally_*} (see
     * {@link SelfMetrics#restore}) and gauges no longer configured. The caller checks that the snapshot was
     * written under the same namespace.
     *
     * @param where where the snapshot came from, for messages, e.g. {@code "the state in /var/lib/logtally"}
     * @throws dev.logtally.base.ConfigException when the snapshot cannot be continued with these options
     *         (key {@code buckets}: other buckets; key {@code state.dir}: other label names or types,
     *         invalid values)
     * @throws IllegalStateException when this aggregator has already counted something
     */
    public void restore(MetricSnapshot snapshot, String where) {
        if (!snapshot().families().isEmpty()) {
            throw new IllegalStateException("restore() needs a fresh aggregator");
        }
        for (MetricFamily f : snapshot.families()) {
            if (f.name().equals(options.errorsName())) {
                errors.restore(f, where);
            } else if (f.name().equals(options.durationName())) {
                durations.restore(f, where);
            } else {
                gauges.restore(f, where);
            }
        }
    }
}
