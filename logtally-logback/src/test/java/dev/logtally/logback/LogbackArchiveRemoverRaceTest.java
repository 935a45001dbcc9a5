package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.rolling.helper.FileNamePattern;
import ch.qos.logback.core.rolling.helper.RollingCalendar;
import ch.qos.logback.core.rolling.helper.SizeAndTimeBasedArchiveRemover;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cause of "Logback's archive remover deletes today's archives", reproduced deterministically with Logback's
 * own {@link SizeAndTimeBasedArchiveRemover} (the class behind {@code SizeAndTimeBasedRollingPolicy}'s
 * {@code maxHistory}), at an injected time: two clean-ups of one remover, as two quick rollovers after a start
 * submit them to the context's executor, interleaved at the one point that matters. The first clean-up (32
 * periods back) has just moved the shared {@link RollingCalendar} 31 days back; the second one sets that same
 * calendar to the start of today; the first reads today back as a period to clean and deletes all of today's
 * archives as "historically stale". Run one after the other, the same two clean-ups delete nothing of today's.
 * {@link SafeHistoryRollingPolicyTest} shows the drop-in no longer uses this remover.
 */
class LogbackArchiveRemoverRaceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T13:37:00Z");
    private static final List<String> TODAY = List.of("app.2026-11-24.0.log.gz", "app.2026-11-24.1.log.gz", "app.2026-11-24.2.log.gz");
    private static final List<String> KEPT = List.of("app.2026-11-01.0.log.gz", "app.2026-11-23.0.log.gz");

    @Test
    void interleavedCleanUpsOfLogbacksRemoverDeleteTodaysArchives(@TempDir Path dir) throws Exception {
        createArchives(dir);
        PausingCalendar calendar = new PausingCalendar();
        ContextBase context = new ContextBase();
        SizeAndTimeBasedArchiveRemover remover = remover(dir, calendar, context);

        // The first rollover's clean-up: paused right after it moved the calendar to 31 days before today.
        Thread first = new Thread(() -> remover.clean(NOW), "first clean-up");
        calendar.pauseIn(first);
        first.start();
        assertTrue(calendar.paused.await(60, TimeUnit.SECONDS), "first clean-up reached its first period");
        // The next rollover's clean-up (a second later, same day: nothing to clean) runs meanwhile.
        remover.clean(NOW.plusSeconds(1));
        calendar.resume.countDown();
        first.join(60_000);

        assertEquals(KEPT, names(dir), "left after the interleaved clean-ups");
        List<String> deleted = context.getStatusManager().getCopyOfStatusList().stream().map(Status::getMessage)
                .filter(m -> m.startsWith("deleting historically stale ")).map(m -> Path.of(m.substring(28)).getFileName().toString())
                .sorted().collect(Collectors.toList());
        assertEquals(TODAY, deleted, "Logback's status messages");
    }

    @Test
    void theSameCleanUpsOneAfterTheOtherKeepTodaysArchives(@TempDir Path dir) {
        createArchives(dir);
        SizeAndTimeBasedArchiveRemover remover = remover(dir, new PausingCalendar(), new ContextBase());
        remover.clean(NOW);
        remover.clean(NOW.plusSeconds(1));
        assertEquals(List.of("app.2026-11-01.0.log.gz", "app.2026-11-23.0.log.gz", "app.2026-11-24.0.log.gz",
                "app.2026-11-24.1.log.gz", "app.2026-11-24.2.log.gz"), names(dir));
    }

    private static SizeAndTimeBasedArchiveRemover remover(Path dir, RollingCalendar calendar, ContextBase context) {
        FileNamePattern pattern = new FileNamePattern(dir + "/app.%d{yyyy-MM-dd,UTC}.%i.log.gz", context);
        SizeAndTimeBasedArchiveRemover remover = new SizeAndTimeBasedArchiveRemover(pattern, calendar);
        remover.setContext(context);
        remover.setMaxHistory(30);
        return remover;
    }

    private static void createArchives(Path dir) {
        for (String name : TODAY) {
            write(dir.resolve(name));
        }
        for (String name : KEPT) {
            write(dir.resolve(name));
        }
    }

    private static void write(Path p) {
        try {
            Files.writeString(p, "x\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) {
        return DropIn.files(dir).stream().map(DropIn::name).collect(Collectors.toList());
    }

    /**
     * Logback's daily calendar in UTC, which pauses one chosen thread right after it moved back 31 days (the first
     * period the first clean-up computes for maxHistory 30), until told to go on. Nothing else differs.
     */
    private static final class PausingCalendar extends RollingCalendar {
        private static final long serialVersionUID = 1L;
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private transient volatile Thread pausing;

        PausingCalendar() {
            super("yyyy-MM-dd", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        }

        void pauseIn(Thread thread) {
            pausing = thread;
        }

        @Override
        public void add(int field, int amount) {
            super.add(field, amount);
            if (Thread.currentThread() == pausing && field == DATE && amount == -31) {
                pausing = null;
                paused.countDown();
                try {
                    resume.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
