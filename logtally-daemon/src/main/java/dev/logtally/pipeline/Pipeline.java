package dev.logtally.pipeline;

import dev.logtally.base.Version;

import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.config.Options;
import dev.logtally.parse.Event;
import dev.logtally.parse.LineParser;
import dev.logtally.parse.ParseError;
import dev.logtally.parse.ParseErrorSink;
import dev.logtally.parse.ParserOptions;
import dev.logtally.source.FollowerOptions;
import dev.logtally.source.Line;
import dev.logtally.source.LineSink;
import java.time.Clock;

/**
 * The one class that wires logtally's stages: each {@link Line} from the source is parsed into an
 * {@link Event} and counted by the {@link Aggregator}, with the tailer's own counters kept alongside.
 * {@code tail} drives it from a {@link dev.logtally.source.Follower} (see {@link FollowPipeline}); the
 * archive tools drive the very same sink from archives, in one-shot mode.
 *
 * <p>Everything is decided here once, from the {@link Options}: which fields the parser reads, the
 * aggregator's metrics, the follower's limits. Nothing is looked up again per line.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create(options, Clock.systemUTC());
 * new ArchiveReader(options.lineMaxBytes()).read(Path.of("app.log.gz"), p);
 * MetricSnapshot totals = p.snapshot();
 * }</pre>
 */
public final class Pipeline implements LineSink, ParseErrorSink {
    private final LineParser parser;
    private final Aggregator aggregator;
    private final SelfMetrics self;
    private final EventTap tap;
    private final ErrorFeed errors;
    private long newestEventMillis = Event.NO_TIME;

    private Pipeline(LineParser parser, Aggregator aggregator, SelfMetrics self, EventTap tap, ErrorFeed errors) {
        this.parser = parser;
        this.aggregator = aggregator;
        this.self = self;
        this.tap = tap;
        this.errors = errors;
    }

    /** A pipeline counting what the tailer counts, with fresh (zero) metrics. */
    public static Pipeline create(Options options, Clock clock) {
        return create(options, clock, EventTap.NONE);
    }

    /**
     * As {@link #create(Options, Clock)}, with {@code tap} shown every event just before it is counted:
     * {@code replay --format openmetrics} snapshots the totals there when an event crosses a step of event
     * time. {@link EventTap#NONE} costs one call that the JIT inlines away.
     */
    public static Pipeline create(Options options, Clock clock, EventTap tap) {
        return create(options, clock, tap, ErrorFeed.NONE);
    }

    /**
     * As {@link #create(Options, Clock, EventTap)}, with each counted event also shown to {@code errors}, with
     * its line: the tailer's error groups ({@link GroupFeed}) take an error line's texts from where the parser
     * noted them.
     */
    public static Pipeline create(Options options, Clock clock, EventTap tap, ErrorFeed errors) {
        SelfMetrics self = new SelfMetrics(Version.current(), clock);
        return new Pipeline(new LineParser(errors.parserOptions(parserOptions(options))),
                new Aggregator(options.metrics(), self), self, tap, errors);
    }

    /**
     * Sees each counted event with its line (valid during the call only) and the parser that just read it
     * (for {@link LineParser#withTexts}), on the reading thread.
     */
    @FunctionalInterface
    public interface ErrorFeed {
        /** Nothing: replays and a tailer without groups. */
        ErrorFeed NONE = (e, line, parser) -> { };

        void accept(Event e, Line line, LineParser parser);

        /** What the pipeline's parser reads, given the tailer's {@code fields}: those, unless the feed needs more. */
        default ParserOptions parserOptions(ParserOptions fields) {
            return fields;
        }
    }

    /** Sees each parsed event before the aggregator counts it (on the reading thread). */
    @FunctionalInterface
    public interface EventTap {
        /** The tap that does nothing: what {@code tail} and plain replays use. */
        EventTap NONE = e -> { };

        void beforeCount(Event e);
    }

    /** Parses and counts one line. Called on the reading thread only. */
    @Override
    public void accept(Line line) {
        self.countLine(line.end() - line.offset());
        Event e = parser.parse(line, this);
        if (e != null) {
            self.countEvent();
            tap.beforeCount(e);
            aggregator.apply(e);
            errors.accept(e, line, parser);
            if (e.timestampMillis() > newestEventMillis) {
                newestEventMillis = e.timestampMillis();
            }
        }
    }

    @Override
    public void onError(ParseError error, Line line) {
        self.countParseError(error);
    }

    public Aggregator aggregator() {
        return aggregator;
    }

    public SelfMetrics self() {
        return self;
    }

    /** Event time of the newest event counted so far, or {@link Event#NO_TIME}. */
    public long newestEventMillis() {
        return newestEventMillis;
    }

    /** The application metrics and the tailer's checkpointed counters, as one snapshot. */
    public MetricSnapshot snapshot() {
        return Snapshots.combine(aggregator.snapshot(), self.checkpointed());
    }

    /** What the tailer's parser reads: only what it counts. Field names come from {@code fields.*}. */
    public static ParserOptions parserOptions(Options o) {
        return o.fields();
    }

    /** What {@code trace} and {@code errors} read: the tailer's fields plus every optional text field. */
    public static ParserOptions fullParserOptions(Options o) {
        return o.fields().capturingAll();
    }

    /** The follower's files and limits, as configured. */
    public static FollowerOptions followerOptions(Options o, Clock clock) {
        return FollowerOptions.of(o.paths())
                .withRotated(o.rotated())
                .withLineMaxBytes(o.lineMaxBytes())
                .withRotateWait(o.rotateWait())
                .withStart(o.startAtEnd() ? FollowerOptions.Start.END : FollowerOptions.Start.BEGINNING)
                .withClock(clock);
    }
}
