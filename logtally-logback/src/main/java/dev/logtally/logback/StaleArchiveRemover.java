package dev.logtally.logback;

import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.rolling.helper.DateTokenConverter;
import ch.qos.logback.core.rolling.helper.FileFilterUtil;
import ch.qos.logback.core.rolling.helper.FileNamePattern;
import ch.qos.logback.core.rolling.helper.RollingCalendar;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes the archives of a size-and-time rolling policy ({@code app.%d{yyyy-MM-dd}.%i.log.gz}) whose period is
 * more than {@code maxHistory} periods before now, and, past {@code totalSizeCap}, the oldest of the others: what
 * Logback's {@code SizeAndTimeBasedArchiveRemover} is meant to do, without the race that makes it delete the
 * current period's archives (see {@link SafeHistoryRollingPolicy}).
 *
 * <p>Clean-ups never run at the same time: a request while one runs is remembered (only the latest time) and
 * run right after it, on the context's executor. Period arithmetic uses a {@link RollingCalendar} of this
 * remover's own that only the running clean-up touches. Every deletion is reported as an INFO status, a failed
 * one as a WARN, a failed clean-up as an ERROR.
 *
 * <pre>{@code
 * StaleArchiveRemover remover = new StaleArchiveRemover(new FileNamePattern("logs/app.%d{yyyy-MM-dd}.%i.log.gz", context), 30, 10L << 30);
 * remover.setContext(context);
 * remover.cleanAsynchronously(Instant.now());   // after each rollover
 * remover.awaitIdle(30);                         // at stop
 * }</pre>
 */
final class StaleArchiveRemover extends ContextAwareBase {
    /** How far back before the kept periods a clean-up looks: Logback's 32 days, at most 14 days of hours. */
    private static final long LOOKBACK_MILLIS = 32L * CoreConstants.MILLIS_IN_ONE_DAY;
    private static final int MAX_LOOKBACK_PERIODS = 14 * 24;
    private static final long NONE = Long.MIN_VALUE;

    private final FileNamePattern pattern;
    private final int maxHistory;
    private final long totalSizeCap;
    /** Confined to {@link #clean}: a Calendar is not thread-safe (sharing one is Logback's defect). */
    private final RollingCalendar calendar;

    private final AtomicLong pending = new AtomicLong(NONE);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Future<?> running;

    /**
     * @param pattern      the archives' name pattern, with a primary {@code %d} and an {@code %i}
     * @param maxHistory   periods of archives kept before the current one (more than 0)
     * @param totalSizeCap bytes the kept archives may take, the newest first; 0 for no cap
     */
    StaleArchiveRemover(FileNamePattern pattern, int maxHistory, long totalSizeCap) {
        this.pattern = pattern;
        this.maxHistory = maxHistory;
        this.totalSizeCap = totalSizeCap;
        DateTokenConverter<Object> date = pattern.getPrimaryDateTokenConverter();
        this.calendar = date.getZoneId() == null ? new RollingCalendar(date.getDatePattern())
                : new RollingCalendar(date.getDatePattern(), TimeZone.getTimeZone(date.getZoneId()), Locale.getDefault());
    }

    /** Asks for a clean-up as of {@code now}; it runs on the context's executor after any running one. */
    void cleanAsynchronously(Instant now) {
        pending.set(now.toEpochMilli());
        if (scheduled.compareAndSet(false, true)) {
            running = context.getAlternateExecutorService().submit(this::drain);
        }
    }

    private void drain() {
        do {
            long now = pending.getAndSet(NONE);
            if (now != NONE) {
                try {
                    clean(Instant.ofEpochMilli(now));
                } catch (RuntimeException e) {
                    addError("logtally: archive clean-up failed", e);
                }
            }
            scheduled.set(false);
        } while (pending.get() != NONE && scheduled.compareAndSet(false, true));
    }

    /**
     * Waits at most {@code seconds} for the requested clean-ups (called at stop, when no rollover asks for more);
     * reports an ERROR when they take longer.
     */
    void awaitIdle(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Future<?> f = running;
        while (f != null) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                addError("logtally: archive clean-up still running after " + seconds + " s");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                addError("logtally: interrupted while waiting for the archive clean-up");
                return;
            } catch (ExecutionException e) {
                addError("logtally: archive clean-up failed", e.getCause());
                return;
            }
            Future<?> next = running;
            f = next == f ? null : next;
        }
    }

    /**
     * Deletes, as of {@code now}, the archives of the periods before the kept ones (the current period and the
     * {@code maxHistory} before it), then, past the size cap, kept archives oldest first. Synchronous.
     */
    synchronized void clean(Instant now) {
        File dir = new File(pattern.convertMultipleArguments(now, 0)).getAbsoluteFile().getParentFile();
        String[] names = dir.list();
        if (names == null) {
            return;
        }
        long nowMillis = now.toEpochMilli();
        long lookback = Math.min(calendar.periodBarriersCrossed(nowMillis, nowMillis + LOOKBACK_MILLIS), MAX_LOOKBACK_PERIODS);
        for (int offset = maxHistory + 1; offset <= maxHistory + lookback; offset++) {
            for (Archive a : archives(dir, names, now, offset)) {
                addInfo("logtally: deleting " + a.file + ", older than maxHistory " + maxHistory);
                delete(a.file);
            }
        }
        if (totalSizeCap > 0) {
            capTotalSize(dir, names, now);
        }
    }

    private void capTotalSize(File dir, String[] names, Instant now) {
        List<Archive> kept = new ArrayList<>();
        for (int offset = 0; offset <= maxHistory; offset++) {
            kept.addAll(archives(dir, names, now, offset));
        }
        kept.sort(Comparator.comparingInt((Archive a) -> a.periodsAgo).thenComparing(Comparator.comparingLong((Archive a) -> a.index).reversed()));
        long total = 0;
        for (Archive a : kept) {
            long size = a.file.length();
            total += size;
            if (total > totalSizeCap) {
                addInfo("logtally: deleting " + a.file + " (" + size + " bytes), past totalSizeCap " + totalSizeCap);
                delete(a.file);
            }
        }
    }

    /** The existing archives of the period {@code periodsAgo} periods before now's. */
    private List<Archive> archives(File dir, String[] names, Instant now, int periodsAgo) {
        Instant period = calendar.getEndOfNextNthPeriod(now, -periodsAgo);
        Pattern stem = Pattern.compile(FileFilterUtil.afterLastSlash(pattern.toRegexForFixedDate(period)));
        List<Archive> found = new ArrayList<>();
        for (String name : names) {
            Matcher m = stem.matcher(name);
            if (m.matches()) {
                File f = new File(dir, name);
                if (f.isFile()) {
                    found.add(new Archive(f, periodsAgo, m.groupCount() > 0 ? Long.parseLong(m.group(1)) : 0));
                }
            }
        }
        return found;
    }

    private void delete(File f) {
        if (!f.delete() && f.exists()) {
            addWarn("logtally: could not delete " + f);
        }
    }

    private record Archive(File file, int periodsAgo, long index) {
    }
}
