package dev.logtally.cli;

import dev.logtally.archive.BackfillLabel;
import dev.logtally.config.Options;
import dev.logtally.export.PushListener;
import dev.logtally.export.PushOutcome;
import dev.logtally.export.RemoteBatches;
import dev.logtally.export.RemoteWriteOptions;
import dev.logtally.export.RemoteWriter;
import dev.logtally.export.TimedSnapshot;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code replay --remote-write}: the OpenMetrics backfill's points ({@link StepMerge}, labelled by
 * {@link BackfillLabel}) written to each store by remote write instead of printed, oldest first, in
 * requests of at most {@code remote_write.max.samples} samples ({@link RemoteBatches}), each retried like
 * a push within {@value #TIMEOUTS} timeouts. Every sample is stamped with its step boundary in event time,
 * so a rerun writes the very same samples again (same series, timestamps and values): that is what makes an
 * interrupted replay safe to run again (see the README for how each store treats such duplicates).
 * A progress bar counts the samples written when progress is shown.
 *
 * <pre>{@code
 * boolean ok = RemoteBackfill.write(options, BackfillLabel.onAll(points), out, err, showProgress);
 * }</pre>
 */
final class RemoteBackfill {
    /** Bound of one request, retries included, in {@code remote_write.timeout}s. */
    static final int TIMEOUTS = 4;

    private RemoteBackfill() {
    }

    /** Writes {@code points} to every store; false (with one line on {@code err}) when a store refused or stayed away. */
    static boolean write(Options options, List<TimedSnapshot> points, PrintStream out, PrintStream err, boolean progress) {
        RemoteWriteOptions rw = options.remoteWrite();
        boolean ok = true;
        for (URI url : rw.urls()) {
            ok &= writeTo(rw, url, points, out, err, progress);
        }
        return ok;
    }

    private static boolean writeTo(RemoteWriteOptions rw, URI url, List<TimedSnapshot> points, PrintStream out,
                                   PrintStream err, boolean progress) {
        RemoteBatches batches = new RemoteBatches(points, Map.of(), rw.maxSamples());
        long total = batches.totalSamples();
        long written = 0;
        long requests = 0;
        me.tongfei.progressbar.ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("remote write")
                .setInitialMax(Math.max(total, 1)).setUnit(" samples", 1).showSpeed().setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).build() : null;
        try (RemoteWriter writer = RemoteWriter.create(rw, url, Map.of(), PushListener.NONE)) {
            while (batches.hasNext()) {
                var batch = batches.next();
                PushOutcome o = writer.send(batch, Clock.systemUTC().instant().plus(rw.timeout().multipliedBy(TIMEOUTS)));
                if (!o.succeeded()) {
                    err.println("logtally: " + o.lastFailure().message() + " (after " + written + " of " + total
                            + " samples; a rerun writes the same samples again, nothing is doubled)");
                    return false;
                }
                long n = 0;
                for (var s : batch) {
                    n += s.values().length;
                }
                written += n;
                requests++;
                if (bar != null) {
                    bar.stepTo(written);
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        out.println("wrote " + written + " samples (" + points.size() + " steps, " + requests + " requests) to " + url
                + ", labelled " + BackfillLabel.NAME + "=\"" + BackfillLabel.VALUE + "\", stamped with event time");
        return true;
    }
}
