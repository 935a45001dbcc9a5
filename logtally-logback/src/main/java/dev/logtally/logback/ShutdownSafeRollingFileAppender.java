package dev.logtally.logback;

import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.RollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.helper.CompressionMode;
import ch.qos.logback.core.rolling.helper.Compressor;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link RollingFileAppender} whose {@link #stop()} returns only when every archive it rolled over is
 * compressed, so that a JVM exiting right after leaves no half-written {@code .gz} beside an
 * uncompressed copy of the same events.
 *
 * <p>Plain Logback (1.6.6) falls short in two ways, both seen in this project's rollover test:
 * <ul>
 *   <li>Its rolling policy waits only for the <em>last</em> compression; earlier ones still run on
 *       Logback's daemon threads, which die with the JVM.</li>
 *   <li>Behind an {@code AsyncAppender}, {@code stop()} runs on the async worker thread, which
 *       {@code AsyncAppender.stop()} has just interrupted. The policy's wait then ends at once in an
 *       {@code InterruptedException} ("Unexpected exception while waiting for compression job").</li>
 * </ul>
 * So this appender remembers the file each rollover renamed (1.6.1+: the archive's name without
 * {@code .gz}; 1.5.x: that name plus a number and {@code .tmp}), and on stop clears the interrupt flag
 * (restoring it after), stops as usual, then waits until each of those files is gone (compression
 * deletes it when the {@code .gz} is complete), for at most {@value #MAX_WAIT_SECONDS} s.
 *
 * <pre>{@code
 * <appender name="LOGTALLY_FILE" class="dev.logtally.logback.ShutdownSafeRollingFileAppender">
 *   <file>logs/app.log</file>
 *   <rollingPolicy class="ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy">...</rollingPolicy>
 * </appender>
 * }</pre>
 *
 * @param <E> the event type
 */
public class ShutdownSafeRollingFileAppender<E> extends RollingFileAppender<E> {
    /** Longest wait for outstanding compressions at stop. */
    public static final int MAX_WAIT_SECONDS = 30;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Files renamed by a rollover and not yet seen gone. */
    private final Set<File> uncompressed = ConcurrentHashMap.newKeySet();

    @Override
    public void rollover() {
        super.rollover();
        RollingPolicy policy = getRollingPolicy();
        if (policy instanceof TimeBasedRollingPolicy<?> timeBased && policy.getCompressionMode() != CompressionMode.NONE) {
            String archive = timeBased.getTimeBasedFileNamingAndTriggeringPolicy().getElapsedPeriodsFileName();
            File renamed = new File(Compressor.computeFileNameStrWithoutCompSuffix(archive, policy.getCompressionMode()));
            // Logback 1.6.1+ renamed the active file to the archive's name without the suffix; 1.5.x to that
            // name followed by System.nanoTime() and ".tmp" (the rename is done when rollover() returns).
            uncompressed.add(renamed);
            String stem = renamed.getName();
            File[] tmp = renamed.getAbsoluteFile().getParentFile().listFiles((dir, name) -> name.startsWith(stem)
                    && name.endsWith(".tmp") && name.substring(stem.length(), name.length() - 4).chars().allMatch(Character::isDigit));
            if (tmp != null) {
                uncompressed.addAll(List.of(tmp));
            }
        }
        uncompressed.removeIf(f -> !f.exists());
    }

    @Override
    public void stop() {
        boolean interrupted = Thread.interrupted();
        try {
            super.stop();
            awaitCompression();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitCompression() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        while (uncompressed.removeIf(f -> !f.exists()) || !uncompressed.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                addWarn("logtally: " + uncompressed.size() + " archive(s) not compressed within " + MAX_WAIT_SECONDS
                        + " s of stopping; they stay uncompressed: " + uncompressed);
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
