package dev.logtally.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * maxHistory and totalSizeCap of the real drop-in ({@code logback-test.xml}, which includes
 * {@code logtally-appender.xml}), at an injected time (the triggering policy's {@code setCurrentTime}, and the
 * active file's modification time, from which Logback takes the period it starts in): many quick rollovers right
 * after the start with the default maxHistory (30) and totalSizeCap (10GB) lose no archive of today or of the
 * 30 days before, and delete only the older ones; past a small totalSizeCap the oldest archives go first.
 */
class SafeHistoryRollingPolicyTest {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    /** The injected "now": 13:37 on 2026-11-24 in the JVM's zone (the drop-in's dates are in it). */
    private static final ZonedDateTime NOW = LocalDate.of(2026, 11, 24).atTime(13, 37).atZone(ZONE);

    @Test
    void quickRolloversAfterAStartKeepTodayAndMaxHistoryAndDeleteOnlyOlderArchives(@TempDir Path dir) throws Exception {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            kept.add(archive(dir, 0, i, 1));        // today's, written before this start
        }
        for (int daysAgo : new int[] {1, 2, 29, 30}) {
            kept.add(archive(dir, daysAgo, 0, 1)); // within maxHistory 30
        }
        List<String> stale = new ArrayList<>();
        for (int daysAgo : new int[] {31, 32, 45, 62}) {
            stale.add(archive(dir, daysAgo, 0, 1));
        }
        activeFileFrom(dir, NOW.minusHours(5));

        int n = 3_000;
        DropIn dropIn = DropIn.start(dir, Map.of("logtally.maxFileSize", "4KB"));
        SafeHistoryRollingPolicy<?> policy = policy(dropIn);
        assertEquals(30, policy.getMaxHistory(), "the default maxHistory");
        policy.getTimeBasedFileNamingAndTriggeringPolicy().setCurrentTime(NOW.toInstant().toEpochMilli());
        org.slf4j.Logger log = dropIn.logger("dev.logtally.history");
        for (int i = 0; i < n; i++) {
            log.info("event {}", i);
        }
        List<String> lines = dropIn.stopAndReadAll();

        TreeSet<String> names = DropIn.files(dir).stream().map(DropIn::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> written = names.stream().filter(f -> f.startsWith("app." + NOW.toLocalDate() + ".") && !kept.contains(f))
                .collect(Collectors.toList());
        assertTrue(written.size() > 50, "rolled over many times: " + written);
        TreeSet<String> expected = new TreeSet<>(kept);
        expected.addAll(written);
        expected.add("app.log");
        assertEquals(expected, names, "archives left");
        assertEquals(n, lines.stream().filter(l -> l.contains("\"message\":\"event ")).count(), "events in the files");
        assertEquals(kept.size(), lines.stream().filter(l -> l.startsWith("old ")).count(), "old archives' lines");
        List<String> deleted = statuses(dropIn).stream().filter(m -> m.startsWith("logtally: deleting "))
                .map(m -> Path.of(m.substring(19, m.indexOf(", older than"))).getFileName().toString()).sorted().collect(Collectors.toList());
        assertEquals(stale.stream().sorted().collect(Collectors.toList()), deleted, "deletions reported through Logback's status system");
        assertEquals(List.of(), DropIn.problems(dropIn.context), "no WARN or ERROR status");
    }

    @Test
    void pastTheSizeCapTheOldestArchivesAreDeletedFirst(@TempDir Path dir) throws Exception {
        String y0 = archive(dir, 1, 0, 1_000);
        String y1 = archive(dir, 1, 1, 1_000);
        String twoDaysAgo = archive(dir, 2, 0, 1_000);
        String threeDaysAgo = archive(dir, 3, 0, 1_000);
        String stale = archive(dir, 40, 0, 1_000);
        // The process starts yesterday evening; the first event comes at 13:37 today: a rollover by time, whose
        // archive (yesterday's, index 2, a few hundred bytes) is the newest.
        activeFileFrom(dir, NOW.minusDays(1).withHour(20));

        DropIn dropIn = DropIn.start(dir, Map.of("logtally.totalSizeCap", "2600"));
        policy(dropIn).getTimeBasedFileNamingAndTriggeringPolicy().setCurrentTime(NOW.toInstant().toEpochMilli());
        dropIn.logger("dev.logtally.history").info("event 0");
        dropIn.context.stop();

        String rolled = "app." + NOW.toLocalDate().minusDays(1) + ".2.log.gz";
        long rolledSize = Files.size(dir.resolve(rolled));
        assertTrue(rolledSize < 600, "the new archive is small: " + rolledSize);
        // Newest first: rolled (<600) + y1 (1000) + y0 (1000) fit 2600; twoDaysAgo and threeDaysAgo do not.
        assertEquals(new TreeSet<>(List.of("app.log", rolled, y0, y1)),
                DropIn.files(dir).stream().map(DropIn::name).collect(Collectors.toCollection(TreeSet::new)), "archives left");
        List<String> messages = statuses(dropIn);
        assertEquals(List.of(dir.resolve(stale) + ", older than maxHistory 30"), messages.stream()
                .filter(m -> m.endsWith("older than maxHistory 30")).map(m -> m.substring(19)).collect(Collectors.toList()));
        assertEquals(List.of(dir.resolve(twoDaysAgo) + " (1000 bytes), past totalSizeCap 2600",
                        dir.resolve(threeDaysAgo) + " (1000 bytes), past totalSizeCap 2600"),
                messages.stream().filter(m -> m.contains("past totalSizeCap")).map(m -> m.substring(19)).collect(Collectors.toList()));
        assertEquals(List.of(), DropIn.problems(dropIn.context), "no WARN or ERROR status");
    }

    private static SafeHistoryRollingPolicy<?> policy(DropIn dropIn) {
        NeverDropAsyncAppender async = (NeverDropAsyncAppender) dropIn.context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("LOGTALLY");
        RollingFileAppender<?> file = (RollingFileAppender<?>) async.getAppender("LOGTALLY_FILE");
        return assertInstanceOf(SafeHistoryRollingPolicy.class, file.getRollingPolicy());
    }

    private static List<String> statuses(DropIn dropIn) {
        return dropIn.context.getStatusManager().getCopyOfStatusList().stream().map(Status::getMessage).collect(Collectors.toList());
    }

    /**
     * Writes {@code app.<NOW - daysAgo>.<index>.log.gz}: one line "old NAME" when {@code size} is 1, else
     * {@code size} bytes that only a size cap looks at. Its name.
     */
    private static String archive(Path dir, int daysAgo, int index, int size) throws IOException {
        String name = "app." + NOW.toLocalDate().minusDays(daysAgo) + "." + index + ".log.gz";
        Path p = dir.resolve(name);
        if (size == 1) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(("old " + name + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.write(p, new byte[size]);
        }
        return name;
    }

    /** An empty active file last modified at {@code time}: Logback starts in that time's period. */
    private static void activeFileFrom(Path dir, ZonedDateTime time) {
        try {
            Path active = Files.createFile(dir.resolve("app.log"));
            assertTrue(active.toFile().setLastModified(time.toInstant().toEpochMilli()), "set mtime");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
