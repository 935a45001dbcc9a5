package dev.logtally.cli;

import dev.logtally.archive.ArchiveRun;
import dev.logtally.archive.BackfillLabel;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Replay;
import dev.logtally.archive.Times;
import dev.logtally.base.ConfigException;
import dev.logtally.config.Options;
import dev.logtally.export.OpenMetricsFormat;
import dev.logtally.export.PushListener;
import dev.logtally.export.PushOutcome;
import dev.logtally.export.Pusher;
import dev.logtally.export.TextFormat;
import dev.logtally.export.TimedSnapshot;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code logtally replay} from parsed arguments to exit code, with its streams and clock given (the
 * picocli command passes the real ones, tests their own): reads the files with {@link Replay} and writes
 *
 * <ul>
 *   <li>{@link Format#PROMETHEUS}: the final totals in the Prometheus text format (byte-stable);</li>
 *   <li>{@link Format#OPENMETRICS}: cumulative samples every step of event time, stamped in seconds,
 *       labelled {@code source="backfill"} ({@link BackfillLabel}), ending in {@code # EOF}: the input of
 *       {@code promtool tsdb create-blocks-from openmetrics}. Prometheus will not take samples of its last
 *       3 hours this way, so a note says when the data is that fresh;</li>
 *   <li>{@link Format#PUSH}: the totals pushed once to the Pushgateway under the given job. The Pushgateway
 *       stamps them with the time of each scrape: a push says "these are the totals now", never when the
 *       events happened, which is what the OpenMetrics backfill is for. The job must not be the live
 *       tailer's, or the replay would replace the live series (PUT replaces the whole group).</li>
 *   <li>{@link Format#REMOTE_WRITE}: the OpenMetrics backfill's samples (every step of event time,
 *       {@code source="backfill"}) written to the stores by remote write ({@link RemoteBackfill}): no
 *       promtool, no files to move, and no 3-hour limit where the store takes old samples.</li>
 * </ul>
 *
 * Files that cannot be read whole are named on stderr after the output, and the exit code is then 1.
 *
 * <pre>{@code
 * int code = ReplayTool.run(new ReplayTool.Request(List.of("samples/logs"), options, Format.PROMETHEUS,
 *         null, 2, false), System.out, System.err, Clock.systemUTC());
 * }</pre>
 */
public final class ReplayTool {
    /** Prometheus refuses to backfill what its head block may still hold: roughly the last 3 hours. */
    static final Duration HEAD_BLOCK = Duration.ofHours(3);
    /** Bound of the whole push, retries included, in attempts' time ({@code push.timeout}). */
    static final int PUSH_TIMEOUTS = 4;

    private ReplayTool() {
    }

    /** What to do with the replayed totals. */
    public enum Format {
        PROMETHEUS, OPENMETRICS, PUSH, REMOTE_WRITE
    }

    /**
     * One replay's arguments.
     *
     * @param paths    files, directories and globs
     * @param options  the configuration (with {@code push.*} for {@link Format#PUSH})
     * @param format   what to write
     * @param step     the step of {@link Format#OPENMETRICS} (null: one minute)
     * @param threads  reading threads
     * @param progress show progress even when stderr is not a terminal
     */
    public record Request(List<String> paths, Options options, Format format, Duration step, int threads,
                          boolean progress) {
    }

    /** The step used when none is given. */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

    /**
     * Refuses a push to the job the configuration file gives the live tailer.
     *
     * @param replay the replay's options ({@code push.job} from {@code --job})
     * @param live   the options of the configuration file alone, or null without {@code --config}
     */
    public static void checkJobIsNotLive(Options replay, Options live) {
        if (replay.push() == null || live == null || live.push() == null) {
            return;
        }
        if (replay.push().job().equals(live.push().job())) {
            throw new ConfigException("--job", "'" + replay.push().job() + "' is the live tailer's job (push.job in "
                    + "the configuration): a replay pushed there would replace the live series; use a job of its "
                    + "own, e.g. " + replay.push().job() + "-replay");
        }
    }

    public static int run(Request r, PrintStream out, PrintStream err, Clock clock) {
        if (r.format() == Format.PUSH && r.options().push() == null) {
            throw new ConfigException("--push", "a push needs --push URL and --job NAME");
        }
        if (r.format() == Format.REMOTE_WRITE && r.options().remoteWrite() == null) {
            throw new ConfigException("--remote-write", "a remote write needs --remote-write URL");
        }
        boolean stepped = r.format() == Format.OPENMETRICS || r.format() == Format.REMOTE_WRITE;
        long step = (r.step() == null ? DEFAULT_STEP : r.step()).toMillis();
        ArchiveRun.Inputs in = ArchiveRun.inputs(r.paths(), r.options());
        Terminal.notes(in.notes(), err);
        List<LogFile> files = in.files();
        Replay.Result result;
        try (Progress progress = Terminal.progress(r.progress(), err, "replay")) {
            result = new Replay(r.options(), clock, r.threads(), stepped ? step : 0)
                    .run(files, progress);
        }
        for (String note : result.notes()) {
            err.println("logtally: " + note);
        }
        boolean pushed = true;
        switch (r.format()) {
            case PROMETHEUS -> out.print(TextFormat.render(result.totals()));
            case OPENMETRICS -> writeOpenMetrics(result.points(), out, err, clock);
            case PUSH -> pushed = push(r.options(), result, out, err);
            case REMOTE_WRITE -> pushed = result.points().isEmpty() ? noTimes(err)
                    : RemoteBackfill.write(r.options(), BackfillLabel.onAll(result.points()), out, err,
                    r.progress() || Terminal.stderrIsTerminal());
        }
        out.flush();
        int code = Terminal.finish(result.problems(), err);
        return pushed ? code : 1;
    }

    private static boolean noTimes(PrintStream err) {
        err.println("logtally: no event has a @timestamp: there is nothing to backfill");
        return true;
    }

    private static void writeOpenMetrics(List<TimedSnapshot> points, PrintStream out, PrintStream err, Clock clock) {
        if (points.isEmpty()) {
            err.println("logtally: no event has a @timestamp: there is nothing to backfill");
        } else {
            long newest = points.get(points.size() - 1).time().toEpochMilli();
            if (newest > clock.millis() - HEAD_BLOCK.toMillis()) {
                err.println("logtally: note: the samples reach " + Times.full(newest) + ", less than 3 hours ago: "
                        + "Prometheus refuses to backfill its last 3 hours (the head block); samples that recent "
                        + "will be rejected or overlap live data");
            }
        }
        out.print(OpenMetricsFormat.render(BackfillLabel.onAll(points)));
    }

    private static boolean push(Options options, Replay.Result result, PrintStream out, PrintStream err) {
        try (Pusher pusher = Pusher.create(options.push(), PushListener.NONE)) {
            // Pusher.create runs on the system clock: so does its deadline.
            PushOutcome outcome = pusher.push(result::totals,
                    Clock.systemUTC().instant().plus(options.push().timeout().multipliedBy(PUSH_TIMEOUTS)));
            if (!outcome.succeeded()) {
                err.println("logtally: push to " + options.push().url() + " failed after " + outcome.attempts()
                        + (outcome.attempts() == 1 ? " attempt: " : " attempts: ") + outcome.lastFailure().message());
                return false;
            }
        }
        int series = 0;
        for (var f : result.totals().families()) {
            series += f.series().size();
        }
        out.println("pushed the totals of " + result.lines() + " lines (" + series + " series) to "
                + options.push().url() + " as job " + options.push().job() + ", instance " + options.push().instance()
                + " (stamped with the time of each scrape, not of the events)");
        return true;
    }
}
