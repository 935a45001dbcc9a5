package dev.logtally.cli;

import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.source.LineSink;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@link Progress} drawn by the progressbar library ({@code me.tongfei:progressbar}) on stderr: content
 * bytes read of the expected total (MiB, with speed and ETA) and lines per second so far.
 *
 * <p>Reading threads only store where each file stands (two ordered stores per line, no lock, no
 * allocation); a scheduler thread adds the files up every {@value #REFRESH_MILLIS} ms and hands the sum to
 * the bar. The total is an estimate for gzip (see {@link LogFile#contentBytes()}).
 *
 * <pre>{@code
 * try (Progress p = new ProgressBar(System.err, "replay")) { ... }
 * }</pre>
 */
public final class ProgressBar implements Progress {
    static final int REFRESH_MILLIS = 200;

    private final ProgressBarConsumer consumer;
    private final String task;
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong doneLines = new AtomicLong();
    private final Queue<FileMeter> active = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<FileMeter> current = new ThreadLocal<>();
    private ScheduledExecutorService ticker;
    private me.tongfei.progressbar.ProgressBar bar;
    private long startNanos;

    /** A bar drawn on {@code err} (a terminal). */
    public ProgressBar(PrintStream err, String task) {
        this(new ConsoleProgressBarConsumer(err), task);
    }

    /** A bar whose renderings go to {@code rendered} (tests), 100 characters wide. */
    public ProgressBar(Consumer<String> rendered, String task) {
        this(new DelegatingProgressBarConsumer(rendered, 100), task);
    }

    private ProgressBar(ProgressBarConsumer consumer, String task) {
        this.consumer = consumer;
        this.task = task;
    }

    @Override
    public void start(List<LogFile> files) {
        long total = 0;
        for (LogFile f : files) {
            total += f.contentBytes();
        }
        startNanos = System.nanoTime();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(total, 1))
                .setUnit(" MiB", 1L << 20)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REFRESH_MILLIS)
                .setConsumer(consumer)
                .build();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "logtally-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public LineSink track(LineSink sink) {
        FileMeter meter = new FileMeter(sink);
        active.add(meter);
        current.set(meter);
        return meter;
    }

    @Override
    public void fileDone(LogFile file) {
        FileMeter meter = current.get();
        if (meter != null) {
            active.remove(meter);
            current.remove();
            doneLines.addAndGet(meter.lines.get());
        }
        doneBytes.addAndGet(file.contentBytes());
    }

    private synchronized void refresh() {
        long bytes = doneBytes.get();
        long lines = doneLines.get();
        for (FileMeter m : active) {
            bytes += m.position.get();
            lines += m.lines.get();
        }
        if (bar == null) {
            return;
        }
        bar.stepTo(Math.min(bytes, bar.getMax()));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        bar.setExtraMessage(seconds <= 0 ? "" : " " + rate(lines / seconds) + " lines/s");
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (bar != null) {
            refresh();
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
    }

    /** Where one file's reading stands: written by its reading thread, read by the ticker. */
    private static final class FileMeter implements LineSink {
        private final LineSink next;
        final AtomicLong position = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        private long count;

        FileMeter(LineSink next) {
            this.next = next;
        }

        @Override
        public void accept(dev.logtally.source.Line line) {
            next.accept(line);
            position.lazySet(line.end());
            lines.lazySet(++count);
        }
    }
}
