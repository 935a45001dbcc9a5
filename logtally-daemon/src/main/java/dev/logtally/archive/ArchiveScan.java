package dev.logtally.archive;

import dev.logtally.base.ConfigException;
import dev.logtally.source.ArchiveReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Reads log files in parallel, one whole file per task on a fixed pool of threads, and gives the per-file
 * results back in the files' order, so that merging them in that order means what one reader going
 * through the files one after the other would mean. With one thread the files are read strictly in order.
 *
 * <p>The {@link Progress} is told of every file and line; it stays the caller's to close.
 *
 * <p>Nothing stops the scan but a bug: a file that cannot be opened, or a damaged gzip, becomes a
 * one-line {@link Scan#problems() problem} (its readable lines were delivered) and the other files are read.
 *
 * <pre>{@code
 * ArchiveScan.Scan<Long> scan = new ArchiveScan(2, 1 << 20, Progress.NONE).run(files, f -> new LineCountJob());
 * scan.problems().forEach(p -> err.println("logtally: " + p));
 * }</pre>
 */
public final class ArchiveScan {
    private final int threads;
    private final int maxLineBytes;
    private final Progress progress;
    private final ThreadFactory threadFactory;

    /** The reading threads by default: daemon threads named {@code logtally-read}. */
    public static final ThreadFactory READ_THREADS = r -> {
        Thread t = new Thread(r, "logtally-read");
        t.setDaemon(true);
        return t;
    };

    /**
     * @param threads      reading threads (at least 1)
     * @param maxLineBytes longer lines arrive as oversized, unbuffered
     * @param progress     told of every file and line
     */
    public ArchiveScan(int threads, int maxLineBytes, Progress progress) {
        this(threads, maxLineBytes, progress, READ_THREADS);
    }

    /** As {@link #ArchiveScan(int, int, Progress)}, reading on threads made by {@code threadFactory}. */
    public ArchiveScan(int threads, int maxLineBytes, Progress progress, ThreadFactory threadFactory) {
        if (threads < 1) {
            throw new ConfigException("--threads", "must be at least 1, not " + threads);
        }
        this.threads = threads;
        this.maxLineBytes = maxLineBytes;
        this.progress = progress;
        this.threadFactory = threadFactory;
    }

    /** Threads to use by default: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The per-file results and problems of one scan, both in file order.
     *
     * @param results  one per file, null for a file that could not be opened when its job returned null
     * @param problems one line per unreadable or damaged file, naming it
     * @param lines    complete lines read in all files
     */
    public record Scan<R>(List<R> results, List<String> problems, long lines) {
    }

    /** Makes the job of one file, given the file's place in {@code files}, for results that must tell files apart. */
    @FunctionalInterface
    public interface IndexedJobs<R> {
        FileJob<R> job(LogFile file, int index);
    }

    /** Reads every file through the job {@code jobs} makes for it. */
    public <R> Scan<R> run(List<LogFile> files, Function<LogFile, FileJob<R>> jobs) {
        return run(files, (IndexedJobs<R>) (f, i) -> jobs.apply(f));
    }

    /** Reads every file through the job {@code jobs} makes for it and its index in {@code files}. */
    public <R> Scan<R> run(List<LogFile> files, IndexedJobs<R> jobs) {
        progress.start(files);
        int n = Math.max(1, Math.min(threads, files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, threadFactory);
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                LogFile f = files.get(i);
                int index = i;
                futures.add(pool.submit(() -> read(f, jobs.job(f, index))));
            }
            List<R> results = new ArrayList<>(files.size());
            List<String> problems = new ArrayList<>();
            long lines = 0;
            for (Future<Outcome<R>> future : futures) {
                Outcome<R> o = get(future);
                results.add(o.result);
                if (o.problem != null) {
                    problems.add(o.problem);
                }
                lines += o.lines;
            }
            return new Scan<>(results, problems, lines);
        } finally {
            pool.shutdownNow();
        }
    }

    private <R> Outcome<R> read(LogFile file, FileJob<R> job) {
        ArchiveReader reader = new ArchiveReader(maxLineBytes);
        try {
            ArchiveReader.Result r = reader.read(file.path(), progress.track(job.sink()));
            return new Outcome<>(job.finish(r), r.damage(), r.lines());
        } catch (IOException e) {
            return new Outcome<>(job.finish(null), file.display() + ": cannot read: " + ConfigException.reason(e), 0);
        } finally {
            progress.fileDone(file);
        }
    }

    private static <R> Outcome<R> get(Future<Outcome<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading logs", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private record Outcome<R>(R result, String problem, long lines) {
    }
}
