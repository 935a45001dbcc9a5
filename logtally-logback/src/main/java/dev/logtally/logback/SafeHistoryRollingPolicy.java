package dev.logtally.logback;

import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.RolloverFailure;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.helper.FileNamePattern;
import ch.qos.logback.core.util.FileSize;
import java.time.Instant;

/**
 * Logback's {@link SizeAndTimeBasedRollingPolicy} with {@code maxHistory} and {@code totalSizeCap} applied by a
 * {@link StaleArchiveRemover} instead of Logback's own archive remover, which can delete the archives of the
 * current period.
 *
 * <p>Logback's defect (1.5.x and 1.6.x alike): every rollover submits a clean-up task to the context's executor
 * (4 threads) without waiting for the previous one, and all those tasks share the policy's one
 * {@code RollingCalendar}, a {@code java.util.GregorianCalendar}, which is not thread-safe. The first clean-up
 * after a start looks 32 periods back (offsets -31 to -62 for {@code maxHistory} 30: "Multiple periods, i.e. 32
 * periods, seem to have elapsed"); when files roll quickly, the next rollovers' clean-ups set the same calendar
 * to the start of the current period meanwhile, the first one reads that back as a period to clean, and deletes
 * every archive of today ("deleting historically stale app.&lt;today&gt;.&lt;i&gt;.log.gz"). Here clean-ups run
 * one after another, on a calendar of their own, and only ever touch periods more than {@code maxHistory}
 * periods old (and, past the cap, the oldest of the rest).
 *
 * <p>Settings and behaviour are otherwise Logback's: {@code maxHistory} 0 keeps everything and then
 * {@code totalSizeCap} is ignored (with Logback's warning); {@code cleanHistoryOnStart} cleans at start.
 *
 * <pre>{@code
 * <rollingPolicy class="dev.logtally.logback.SafeHistoryRollingPolicy">
 *   <fileNamePattern>logs/app.%d{yyyy-MM-dd}.%i.log.gz</fileNamePattern>
 *   <maxFileSize>100MB</maxFileSize>
 *   <maxHistory>30</maxHistory>
 *   <totalSizeCap>10GB</totalSizeCap>
 * </rollingPolicy>
 * }</pre>
 *
 * @param <E> the event type
 */
public class SafeHistoryRollingPolicy<E> extends SizeAndTimeBasedRollingPolicy<E> {
    /** Longest wait at stop for the clean-ups asked for (Logback waits as long for its jobs). */
    static final int MAX_WAIT_SECONDS = 30;

    private int maxHistory = CoreConstants.UNBOUNDED_HISTORY;
    private FileSize totalSizeCap = new FileSize(CoreConstants.UNBOUNDED_TOTAL_SIZE_CAP);
    private StaleArchiveRemover remover;

    /** Kept here, not given to Logback, so that Logback's archive remover is never created. */
    @Override
    public void setMaxHistory(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    @Override
    public int getMaxHistory() {
        return maxHistory;
    }

    /** Kept here, not given to Logback (see {@link #setMaxHistory}). */
    @Override
    public void setTotalSizeCap(FileSize totalSizeCap) {
        this.totalSizeCap = totalSizeCap;
    }

    @Override
    public void start() {
        super.start();
        if (!isStarted()) {
            return;
        }
        boolean capped = totalSizeCap.getSize() != CoreConstants.UNBOUNDED_TOTAL_SIZE_CAP;
        if (maxHistory != CoreConstants.UNBOUNDED_HISTORY) {
            remover = new StaleArchiveRemover(new FileNamePattern(getFileNamePattern(), context), maxHistory,
                    capped ? totalSizeCap.getSize() : 0);
            remover.setContext(context);
            addInfo("logtally: keeping " + maxHistory + " periods of archives" + (capped ? ", at most " + totalSizeCap : ""));
            if (isCleanHistoryOnStart()) {
                remover.cleanAsynchronously(now());
            }
        } else if (capped) {
            addWarn("'maxHistory' is not set, ignoring 'totalSizeCap' option with value [" + totalSizeCap + "]");
        }
    }

    @Override
    public void rollover() throws RolloverFailure {
        super.rollover();
        if (remover != null) {
            remover.cleanAsynchronously(now());
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        if (remover != null) {
            remover.awaitIdle(MAX_WAIT_SECONDS);
        }
        super.stop();
    }

    /** The triggering policy's time: the clock, or the time a test set on it. */
    private Instant now() {
        return Instant.ofEpochMilli(getTimeBasedFileNamingAndTriggeringPolicy().getCurrentTime());
    }

    @Override
    public String toString() {
        return "dev.logtally.logback.SafeHistoryRollingPolicy@" + hashCode();
    }
}
