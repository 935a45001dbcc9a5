package dev.logtally.bench;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends drop-in-shaped lines to log files at a steady rate, as a busy service's drop-in would: every
 * millisecond or so each file gets the lines that are due (one {@code write} per file, so the tailer sees whole
 * lines), for a bounded time. Lines come from a pool of {@link TailLines} made up front, so making them
 * costs nothing while the tailer is measured.
 *
 * <pre>{@code
 * TailWriter w = new TailWriter(List.of(dir.resolve("app.log")), 10_000, 20_000, 42L);
 * long[] writtenAt = new long[w.capacity(Duration.ofSeconds(60))];
 * w.run(Duration.ofSeconds(60), writtenAt);   // writtenAt[k]: System.nanoTime() after line k+1 of file 0 was written
 * }</pre>
 */
final class TailWriter {
    private final List<Path> files;
    private final int perSecond;
    private final byte[][] pool;
    private final AtomicLongArray written;

    /**
     * @param files     the files to append to (created if missing)
     * @param perSecond lines per second written to each file
     * @param poolSize  distinct lines made up front (then repeated)
     */
    TailWriter(List<Path> files, int perSecond, int poolSize, long seed) {
        this.files = List.copyOf(files);
        this.perSecond = perSecond;
        this.written = new AtomicLongArray(files.size());
        TailLines lines = new TailLines(seed);
        pool = new byte[poolSize][];
        for (int i = 0; i < poolSize; i++) {
            pool[i] = lines.next();
        }
    }

    /** Lines written to each file in {@code d}, at most: the size for {@link #run}'s array. */
    int capacity(Duration d) {
        return (int) (perSecond * d.toNanos() / 1_000_000_000L) + 1;
    }

    /**
     * Writes for {@code d}; when {@code writtenAt} is not null, records in {@code writtenAt[k]} the
     * {@link System#nanoTime()} at which line {@code k + 1} of the first file had been written.
     */
    void run(Duration d, long[] writtenAt) throws IOException {
        FileOutputStream[] outs = new FileOutputStream[files.size()];
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 16);
        int next = 0;
        try {
            for (int f = 0; f < outs.length; f++) {
                outs[f] = new FileOutputStream(files.get(f).toFile(), true);
            }
            long start = System.nanoTime();
            long end = start + d.toNanos();
            long[] done = new long[outs.length];
            for (long now = start; now < end; now = System.nanoTime()) {
                long due = perSecond * (now - start) / 1_000_000_000L;
                for (int f = 0; f < outs.length; f++) {
                    if (due == done[f]) {
                        continue;
                    }
                    batch.reset();
                    for (long k = done[f]; k < due; k++) {
                        batch.writeBytes(pool[next]);
                        next = next + 1 == pool.length ? 0 : next + 1;
                    }
                    batch.writeTo(outs[f]);
                    if (f == 0 && writtenAt != null) {
                        Arrays.fill(writtenAt, (int) done[f], (int) due, System.nanoTime());
                    }
                    done[f] = due;
                    written.set(f, due);
                }
                // Pacing, not waiting for a result: the next batch holds whatever fell due meanwhile.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } finally {
            for (FileOutputStream o : outs) {
                if (o != null) {
                    o.close();
                }
            }
        }
    }

    /** Lines written to file {@code f} so far. */
    long written(int f) {
        return written.get(f);
    }

    /** Lines written to all files so far. */
    long writtenTotal() {
        long n = 0;
        for (int f = 0; f < written.length(); f++) {
            n += written.get(f);
        }
        return n;
    }
}
