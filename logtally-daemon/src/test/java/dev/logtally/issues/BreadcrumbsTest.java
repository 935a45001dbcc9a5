package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.archive.LogFile;
import dev.logtally.archive.TracedEvent;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounds of a breadcrumbs trace (events kept, time) and the tailer's files it reads. */
class BreadcrumbsTest {
    @TempDir
    Path dir;

    private static String line(int second, String cid, String message) {
        return String.format("{\"@timestamp\":\"2026-11-24T10:00:%02d.000Z\",\"level\":\"INFO\",\"correlation_id\":\"%s\",\"message\":\"%s\"}%n",
                second, cid, message);
    }

    @Test
    void keepsTheEarliestEventsUpToTheLimitAndSaysHowManyThereWere() throws IOException {
        Path log = dir.resolve("app.log");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            sb.append(line(i, "req-1", "step " + i)).append(line(i, "req-2", "other"));
        }
        Files.writeString(log, sb);
        Options options = OptionsLoader.load(null, Map.of(), Map.of());
        try (Breadcrumbs b = new Breadcrumbs(options, () -> List.of(LogFile.of(log)), Duration.ofSeconds(30), 2, 1)) {
            Breadcrumbs.Crumbs c = b.trace("req-1");
            assertEquals(List.of("step 1", "step 2"), c.events().stream().map(t -> t.event().message()).toList());
            assertEquals(5, c.found());
            assertTrue(c.truncated());
            assertFalse(c.timedOut());
        }
    }

    @Test
    void stopsAtItsTimeLimit() throws IOException {
        Path log = dir.resolve("app.log");
        Files.writeString(log, line(1, "req-1", "x").repeat(10_000));
        Options options = OptionsLoader.load(null, Map.of(), Map.of());
        try (Breadcrumbs b = new Breadcrumbs(options, () -> List.of(LogFile.of(log)), Duration.ofNanos(1), 1000, 1)) {
            Breadcrumbs.Crumbs c = b.trace("req-1");
            assertTrue(c.timedOut());
            assertEquals(List.of(), c.events());
        }
    }

    @Test
    void readsTheFollowedFileAndItsRotatedCopiesOnly() throws IOException {
        Path active = dir.resolve("app.log");
        Files.writeString(active, line(3, "req-1", "active"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("app.2026-11-24.0.log.gz")))) {
            out.write(line(1, "req-1", "archived").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("other.log"), line(2, "req-1", "another service"));
        Files.writeString(dir.resolve("application.log"), line(2, "req-1", "not a rotation of app.log"));
        Options options = OptionsLoader.load(null, Map.of("paths", active.toString()), Map.of());
        try (Breadcrumbs b = new Breadcrumbs(options, Breadcrumbs.followedBy(options), Duration.ofSeconds(30), 1000, 1)) {
            Breadcrumbs.Crumbs c = b.trace("req-1");
            assertEquals(List.of("archived", "active"), c.events().stream().map(t -> t.event().message()).toList());
            assertEquals(List.of("app.2026-11-24.0.log.gz", "app.log"),
                    c.events().stream().map(TracedEvent::file).map(IssueView::fileName).toList());
            assertEquals(2, c.files());
        }
    }
}
