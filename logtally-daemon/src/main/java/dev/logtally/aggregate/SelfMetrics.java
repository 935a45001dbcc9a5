package dev.logtally.aggregate;

import dev.logtally.parse.ParseError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tailer's own health, the {@code logtally_*} families of docs/DESIGN.md, in two parts:
 *
 * <ul>
 *   <li><b>Checkpointed counters</b> ({@link #checkpointed()}, {@link #restore}): lines, bytes, events,
 *       parse errors by reason, series dropped by the cardinality guard, rotations by kind, bytes lost unread, pushes and push
 *       failures. They resume from the checkpoint, so they never decrease across restarts. All but the push
 *       counters are written by the reader thread only (plain increments) and snapshotted there; the push
 *       counters are atomic because the pusher thread writes them.</li>
 *   <li><b>Live gauges</b> ({@link #live()}): lag, files followed, last push, last checkpoint and its age
 *       (from the injected {@link Clock}), build info. Set from any thread; never checkpointed.
 *       The last-push and checkpoint gauges are left out until there is a push or a checkpoint.</li>
 * </ul>
 *
 * <p>Known label values are exported from the start with 0 (every parse-error reason, every rotation kind,
 * every metric/label pair of the guard), so that {@code rate()} and alerts see a series before the first
 * occurrence.
 *
 * <pre>{@code
 * SelfMetrics self = new SelfMetrics("0.1.0", Clock.systemUTC());
 * self.countLine(line.end() - line.offset());
 * self.countParseError(ParseError.MALFORMED);
 * self.setCheckpointTime(savedAtMillis);
 * MetricSnapshot forCheckpoint = Snapshots.combine(aggregator.snapshot(), self.checkpointed());
 * MetricSnapshot forMetrics = Snapshots.combine(forCheckpoint, self.live());
 * }</pre>
 */
public final class SelfMetrics {
    public static final String LINES = "logtally_lines_total";
    public static final String BYTES = "logtally_bytes_total";
    public static final String EVENTS = "logtally_events_total";
    public static final String PARSE_ERRORS = "logtally_parse_errors_total";
    public static final String SERIES_DROPPED = "logtally_series_dropped_total";
    public static final String ROTATIONS = "logtally_rotations_total";
    public static final String LOST_BYTES = "logtally_lost_bytes_total";
    public static final String PUSHES = "logtally_pushes_total";
    public static final String PUSH_FAILURES = "logtally_push_failures_total";
    public static final String LAG_BYTES = "logtally_lag_bytes";
    public static final String LAG_SECONDS = "logtally_lag_seconds";
    public static final String FILES_FOLLOWED = "logtally_files_followed";
    public static final String LAST_PUSH = "logtally_last_push_timestamp_seconds";
    public static final String CHECKPOINT_TIME = "logtally_checkpoint_timestamp_seconds";
    public static final String CHECKPOINT_AGE = "logtally_checkpoint_age_seconds";
    public static final String BUILD_INFO = "logtally_build_info";

    /** Every family name this class can produce (no other metric may take one of these names). */
    public static final List<String> FAMILY_NAMES = List.of(LINES, BYTES, EVENTS, PARSE_ERRORS, SERIES_DROPPED,
            ROTATIONS, LOST_BYTES, PUSHES, PUSH_FAILURES, LAG_BYTES, LAG_SECONDS, FILES_FOLLOWED, LAST_PUSH, CHECKPOINT_TIME,
            CHECKPOINT_AGE, BUILD_INFO);

    /** Values of the {@code kind} label of {@link #ROTATIONS}. */
    public static final String ROTATION_RENAME = "rename";
    public static final String ROTATION_TRUNCATE = "truncate";
    public static final String ROTATION_RECREATE = "recreate";

    private final Clock clock;
    private final String version;

    private final CounterFamily linesFamily = new CounterFamily(LINES,
            "Complete lines read from followed files (skipped lines included).", List.of());
    private final CounterFamily bytesFamily = new CounterFamily(BYTES, "Bytes read from followed files.", List.of());
    private final CounterFamily eventsFamily = new CounterFamily(EVENTS, "Lines parsed into events.", List.of());
    private final CounterFamily parseErrorFamily = new CounterFamily(PARSE_ERRORS,
            "Lines (or values) skipped, by reason.", List.of("reason"));
    private final CounterFamily droppedFamily = new CounterFamily(SERIES_DROPPED,
            "Events whose label value was counted under \"other\" by the cardinality guard.",
            List.of("metric", "label"));
    private final CounterFamily rotationFamily = new CounterFamily(ROTATIONS,
            "Rotations of followed files seen, by kind.", List.of("kind"));

    private final CounterFamily lostBytesFamily = new CounterFamily(LOST_BYTES,
            "Bytes of followed files that went missing before they were read (deleted or truncated unread).", List.of());

    private final Counter lines = linesFamily.counter(List.of());
    private final Counter lostBytes = lostBytesFamily.counter(List.of());
    private final Counter bytes = bytesFamily.counter(List.of());
    private final Counter events = eventsFamily.counter(List.of());
    private final Counter[] parseErrors = new Counter[ParseError.values().length];
    private final Counter renames = rotationFamily.counter(List.of(ROTATION_RENAME));
    private final Counter truncates = rotationFamily.counter(List.of(ROTATION_TRUNCATE));
    private final Counter recreates = rotationFamily.counter(List.of(ROTATION_RECREATE));
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong pushFailures = new AtomicLong();

    private volatile long lagBytes;
    private volatile double lagSeconds;
    private volatile int filesFollowed;
    private volatile long lastPushMillis = -1;
    private volatile long checkpointMillis = -1;

    /**
     * @param version the value of {@code logtally_build_info{version}}
     * @param clock   the time {@code logtally_checkpoint_age_seconds} is measured against
     */
    public SelfMetrics(String version, Clock clock) {
        this.version = version;
        this.clock = clock;
        for (ParseError e : ParseError.values()) {
            parseErrors[e.ordinal()] = parseErrorFamily.counter(List.of(e.label()));
        }
    }

    // ---- checkpointed counters, reader thread ----

    /** One complete line of {@code byteCount} bytes (terminator included) was read. */
    public void countLine(long byteCount) {
        lines.inc();
        bytes.add(byteCount);
    }

    /** Bytes read that belong to no complete line counted (e.g. the skipped part of an oversized line). */
    public void countBytes(long byteCount) {
        bytes.add(byteCount);
    }

    /** One line was parsed into an event. */
    public void countEvent() {
        events.inc();
    }

    public void countParseError(ParseError error) {
        parseErrors[error.ordinal()].inc();
    }

    /** One rotation of {@code kind}: {@link #ROTATION_RENAME}, {@link #ROTATION_TRUNCATE} or {@link #ROTATION_RECREATE}. */
    public void countRotation(String kind) {
        switch (kind) {
            case ROTATION_RENAME -> renames.inc();
            case ROTATION_TRUNCATE -> truncates.inc();
            case ROTATION_RECREATE -> recreates.inc();
            default -> throw new IllegalArgumentException("unknown rotation kind: " + kind);
        }
    }

    /** {@code byteCount} unread bytes of a followed file went missing (a data-loss notice of the follower). */
    public void countLostBytes(long byteCount) {
        lostBytes.add(byteCount);
    }

    /**
     * The counter of {@code logtally_series_dropped_total{metric,label}}, for the cardinality guard of
     * {@code label} of {@code metric}; registered (exported at 0) from this call on.
     */
    public Counter seriesDropped(String metric, String label) {
        return droppedFamily.counter(List.of(metric, label));
    }

    // ---- checkpointed counters, pusher thread ----

    public void countPush() {
        pushes.incrementAndGet();
    }

    public void countPushFailure() {
        pushFailures.incrementAndGet();
    }

    // ---- live gauges, any thread ----

    public void setLagBytes(long value) {
        lagBytes = value;
    }

    public void setLagSeconds(double value) {
        lagSeconds = value;
    }

    public void setFilesFollowed(int value) {
        filesFollowed = value;
    }

    /** A push succeeded at {@code epochMillis}. */
    public void setLastPushTime(long epochMillis) {
        lastPushMillis = epochMillis;
    }

    /** A checkpoint was written (or loaded at start-up) with this time. */
    public void setCheckpointTime(long epochMillis) {
        checkpointMillis = epochMillis;
    }

    // ---- snapshots ----

    /** The checkpointed counters, sorted by name. Call on the reader thread. */
    public MetricSnapshot checkpointed() {
        List<MetricFamily> out = new ArrayList<>(8);
        for (CounterFamily f : List.of(linesFamily, bytesFamily, eventsFamily, parseErrorFamily, droppedFamily,
                rotationFamily, lostBytesFamily)) {
            out.add(f.family());
        }
        out.add(single(PUSHES, MetricType.COUNTER, "Successful pushes to the Pushgateway.", pushes.get()));
        out.add(single(PUSH_FAILURES, MetricType.COUNTER, "Failed push attempts.", pushFailures.get()));
        return Snapshots.sorted(out);
    }

    /** The live gauges, sorted by name. Any thread. */
    public MetricSnapshot live() {
        List<MetricFamily> out = new ArrayList<>(7);
        out.add(single(LAG_BYTES, MetricType.GAUGE, "Bytes in followed files not yet read.", lagBytes));
        out.add(single(LAG_SECONDS, MetricType.GAUGE,
                "While behind: now minus the time of the newest event read; 0 when caught up.", lagSeconds));
        out.add(single(FILES_FOLLOWED, MetricType.GAUGE, "Files open for reading.", filesFollowed));
        long push = lastPushMillis;
        if (push >= 0) {
            out.add(single(LAST_PUSH, MetricType.GAUGE, "Time of the last successful push.", push / 1000.0));
        }
        long cp = checkpointMillis;
        if (cp >= 0) {
            out.add(single(CHECKPOINT_TIME, MetricType.GAUGE, "Time of the last checkpoint.", cp / 1000.0));
            out.add(single(CHECKPOINT_AGE, MetricType.GAUGE, "Now minus the time of the last checkpoint.",
                    Math.max(0, clock.millis() - cp) / 1000.0));
        }
        out.add(new MetricFamily(BUILD_INFO, MetricType.GAUGE, "logtally's version; always 1.", List.of("version"),
                null, List.of(Series.gauge(List.of(version), 1))));
        return Snapshots.sorted(out);
    }

    /**
     * Resumes the checkpointed counters from a checkpoint's snapshot; call before counting. Other families
     * (the aggregator's, live gauges) are ignored. Label values this version does not know are kept.
     *
     * @param where where the snapshot came from, for messages
     * @throws dev.logtally.base.ConfigException (key {@code state.dir}) when a family has another shape or
     *         a count is not a whole non-negative number
     */
    public void restore(MetricSnapshot snapshot, String where) {
        for (MetricFamily f : snapshot.families()) {
            switch (f.name()) {
                case LINES -> linesFamily.restore(f, where);
                case BYTES -> bytesFamily.restore(f, where);
                case EVENTS -> eventsFamily.restore(f, where);
                case PARSE_ERRORS -> parseErrorFamily.restore(f, where);
                case SERIES_DROPPED -> droppedFamily.restore(f, where);
                case ROTATIONS -> rotationFamily.restore(f, where);
                case LOST_BYTES -> lostBytesFamily.restore(f, where);
                case PUSHES -> pushes.set(restoreSingle(f, where));
                case PUSH_FAILURES -> pushFailures.set(restoreSingle(f, where));
                default -> {
                    // not a checkpointed counter of ours
                }
            }
        }
    }

    private static long restoreSingle(MetricFamily f, String where) {
        Series s = Restoring.onlySeries(f, MetricType.COUNTER, where);
        return Restoring.count(s.value(), f, s, where);
    }

    private static MetricFamily single(String name, MetricType type, String help, double value) {
        return new MetricFamily(name, type, help, List.of(), null, List.of(new Series(List.of(), value, null, 0, Series.NO_TIME)));
    }
}
