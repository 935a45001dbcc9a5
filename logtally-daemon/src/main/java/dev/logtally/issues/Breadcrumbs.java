package dev.logtally.issues;

import dev.logtally.archive.ArchiveRun;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Trace;
import dev.logtally.archive.TraceCache;
import dev.logtally.archive.TracedEvent;
import dev.logtally.config.Options;
import dev.logtally.source.FollowedFiles;
import dev.logtally.source.Line;
import dev.logtally.source.LineSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The breadcrumbs of one correlation ID for the issues page: {@code logtally trace}'s engine ({@link Trace})
 * over the log files {@code files} names at that moment (plain, rotated, {@code .gz}), run on this object's
 * own threads — never the tailer's reader thread — with a bound on time ({@code timeLimit}: the reading
 * stops at the next line past it), on result size ({@code maxEvents} earliest events kept) and on work
 * waiting (one trace at a time, {@value #QUEUE} waiting; more are answered {@link Crumbs#busy() busy} at once).
 * The reading threads run at the lowest CPU priority ({@link LowPriority}), and what each file held of an ID
 * is kept in a {@link TraceCache} (at most {@value #CACHE_ENTRIES} file results, {@value #CACHE_EVENTS}
 * events), so tracing a sample again reads only the files that changed or appeared since: the active file,
 * not the compressed archives.
 *
 * <pre>{@code
 * try (Breadcrumbs crumbs = new Breadcrumbs(options, () -> files, Duration.ofSeconds(5), 1000, 1)) {
 *     Breadcrumbs.Crumbs c = crumbs.trace("a56f7570fa42cebec53d3c4bb3b93303");
 * }
 * }</pre>
 */
public final class Breadcrumbs implements AutoCloseable {
    /** Traces that may wait while one runs. */
    static final int QUEUE = 2;
    private static final int CHECK_EVERY_LINES = 256;
    /** File results the trace cache keeps. */
    static final int CACHE_ENTRIES = 4096;
    /** Events the trace cache keeps in all. */
    static final int CACHE_EVENTS = 20_000;

    private final Trace trace;
    private final Supplier<List<LogFile>> files;
    private final Duration timeLimit;
    private final int maxEvents;
    private final LongSupplier nanoTime;
    private final ThreadPoolExecutor executor;
    private final TraceCache cache = new TraceCache(CACHE_ENTRIES, CACHE_EVENTS);

    /**
     * @param options   field names and the line cap
     * @param files     the files to read, asked anew for every trace (the tailer's files rotate)
     * @param timeLimit longest a trace reads
     * @param maxEvents events kept, earliest first
     * @param threads   reading threads of one trace
     */
    public Breadcrumbs(Options options, Supplier<List<LogFile>> files, Duration timeLimit, int maxEvents, int threads) {
        this.trace = new Trace(options, threads, LowPriority.threads("logtally-trace-read"));
        this.files = files;
        this.timeLimit = timeLimit;
        this.maxEvents = maxEvents;
        this.nanoTime = System::nanoTime;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "logtally-trace-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What one trace found.
     *
     * @param id        the correlation ID
     * @param events    its events in time order, at most the limit
     * @param found     events found (more than {@code events} holds when truncated)
     * @param files     files looked at
     * @param cached    of those, files whose result came from the trace cache (not read again)
     * @param problems  one line per unreadable or damaged file
     * @param timedOut  the time limit ended the reading: {@code events} is empty
     * @param busy      too many traces were waiting: nothing was read
     * @param millis    how long it took
     */
    public record Crumbs(String id, List<TracedEvent> events, long found, int files, int cached, List<String> problems,
                         boolean timedOut, boolean busy, long millis) {
        public Crumbs {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }

        public boolean truncated() {
            return found > events.size();
        }
    }

    /**
     * The tailer's files as they are at each call: its followed files and their rotated copies, oldest
     * first, a {@code .gz} still being compressed left for its uncompressed twin.
     */
    public static Supplier<List<LogFile>> followedBy(Options options) {
        return () -> {
            List<String> names = new ArrayList<>();
            for (Path p : FollowedFiles.now(options.paths(), options.rotated())) {
                names.add(p.toString());
            }
            return names.isEmpty() ? List.of() : ArchiveRun.inputs(names, options).files();
        };
    }

    /** The most events one trace keeps. */
    public int maxEvents() {
        return maxEvents;
    }

    /** Traces {@code id}, waiting at most the time limit (plus the wait for a trace already running). */
    public Crumbs trace(String id) {
        long start = nanoTime.getAsLong();
        long deadline = start + timeLimit.toNanos();
        Future<Crumbs> future;
        try {
            future = executor.submit(() -> run(id, start, deadline));
        } catch (RejectedExecutionException e) {
            return new Crumbs(id, List.of(), 0, 0, 0, List.of(), false, true, 0);
        }
        try {
            return future.get(2 * timeLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Crumbs(id, List.of(), 0, 0, 0, List.of(), true, false, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Crumbs(id, List.of(), 0, 0, 0, List.of(), true, false, millisSince(start));
        } catch (ExecutionException e) {
            throw new IllegalStateException("trace failed: " + e.getCause(), e.getCause());
        }
    }

    private Crumbs run(String id, long start, long deadline) {
        List<LogFile> list = files.get();
        if (nanoTime.getAsLong() - deadline > 0) {
            return new Crumbs(id, List.of(), 0, list.size(), 0, List.of(), true, false, millisSince(start));
        }
        try {
            Trace.Result r = trace.run(id, list, new Deadline(deadline), maxEvents, cache);
            return new Crumbs(id, r.events(), r.found(), list.size(), r.cached(), r.problems(), false, false,
                    millisSince(start));
        } catch (PastDeadline e) {
            return new Crumbs(id, List.of(), 0, list.size(), 0, List.of(), true, false, millisSince(start));
        }
    }

    private long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
    }

    /** The cache of per-file results (for tests and figures). */
    TraceCache cache() {
        return cache;
    }

    /** Stops the trace threads (a running trace ends at its next line). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Thrown from inside the reading when the deadline has passed: ends the scan of every file. */
    private static final class PastDeadline extends RuntimeException {
        PastDeadline() {
            super("past the trace's time limit", null, false, false);
        }
    }

    /** A {@link Progress} that shows nothing and ends the reading past the deadline (or on interrupt). */
    private final class Deadline implements Progress {
        private final long deadline;

        Deadline(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void start(List<LogFile> files) {
        }

        @Override
        public LineSink track(LineSink sink) {
            return new LineSink() {
                private int lines;

                @Override
                public void accept(Line line) {
                    if (++lines % CHECK_EVERY_LINES == 0
                            && (nanoTime.getAsLong() - deadline > 0 || Thread.currentThread().isInterrupted())) {
                        throw new PastDeadline();
                    }
                    sink.accept(line);
                }
            };
        }

        @Override
        public void fileDone(LogFile file) {
        }

        @Override
        public void close() {
        }
    }
}
