package dev.logtally.issues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for the issues page's heavy work (reading archives for breadcrumbs) that run at the lowest CPU
 * priority, so that on a busy machine the tailer's reader thread keeps its speed: each thread, as it
 * starts, sets its own Linux nice value to {@value #NICE} ({@code renice} on its thread ID, read from
 * {@code /proc/thread-self}; a thread may always lower its own priority). Java's own thread priorities
 * do nothing on Linux for a non-root process, hence the nice value.
 *
 * <p>Where that cannot be done (no {@code /proc/thread-self}, no {@code renice}: Debian's {@code bsdutils}),
 * the thread runs at normal priority and one warning is logged: only speed is at stake.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(1, LowPriority.threads("logtally-trace"));
 * }</pre>
 */
public final class LowPriority {
    /** The nice value of the page's threads: the lowest priority there is. */
    static final int NICE = 19;
    private static final Logger LOG = LoggerFactory.getLogger(LowPriority.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private LowPriority() {
    }

    /** Daemon threads named {@code name-N} that lower their own priority before running their task. */
    public static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(() -> {
                lowerThisThread();
                task.run();
            }, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Sets the calling thread's nice value to {@value #NICE}; true when that was done. */
    static boolean lowerThisThread() {
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            p.destroyForcibly();
            warn("renice " + tid + " failed");
        } catch (IOException | UnsupportedOperationException e) {
            warn(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The calling thread's nice value, from {@code /proc/thread-self/stat}. */
    static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // field 19 of stat(5); fields here start at field 3
    }

    private static void warn(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("issues page: cannot lower the priority of its trace threads ({}); install bsdutils for renice", why);
        }
    }
}
