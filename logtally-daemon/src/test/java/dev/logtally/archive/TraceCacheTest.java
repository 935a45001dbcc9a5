package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TraceCache} under {@link Trace}: a trace with the cache gives exactly what a reading of every file
 * gives, reads again a file that changed (size, time or inode) and a file that appeared, never keeps a
 * damaged file, and stays within its bounds.
 */
class TraceCacheTest {
    @TempDir
    Path tmp;

    private static String ev(String time, String cid, String message) {
        return line("@timestamp", q(time), "level", q("INFO"), "logger_name", q("com.example.Api"), "message", q(message),
                "correlation_id", q(cid));
    }

    private static List<String> messages(Trace.Result r) {
        return r.events().stream().map(t -> t.event().message()).toList();
    }

    private static List<String> files(Trace.Result r) {
        return r.events().stream().map(t -> Path.of(t.file()).getFileName().toString()).toList();
    }

    private Trace.Result trace(List<Path> paths, TraceCache cache, int max) {
        return new Trace(Fixtures.options(), 1).run("req-7", paths.stream().map(LogFile::of).toList(), Progress.NONE, max, cache);
    }

    @Test
    void aSecondTraceReadsOnlyWhatChangedAndFindsExactlyWhatAFullReadingFinds() throws IOException {
        Path a0 = Fixtures.gzip(tmp.resolve("app.0.log.gz"), ev("2026-11-20T08:00:01Z", "req-7", "first")
                + ev("2026-11-20T08:00:01Z", "req-8", "other"));
        Path a1 = Fixtures.gzip(tmp.resolve("app.1.log.gz"), ev("2026-11-20T08:00:02Z", "req-7", "second"));
        Path active = Fixtures.write(tmp.resolve("app.log"), ev("2026-11-20T08:00:03Z", "req-7", "third"));
        TraceCache cache = new TraceCache(100, 1000);

        Trace.Result cold = trace(List.of(a0, a1, active), cache, 1000);
        assertEquals(List.of("first", "second", "third"), messages(cold));
        assertEquals(0, cold.cached());
        assertEquals(4, cold.lines());
        assertEquals(3, cache.size());

        // Files in another order: the cached events take the file's new place and name.
        Trace.Result warm = trace(List.of(a0, a1, active), cache, 1000);
        assertEquals(List.of("first", "second", "third"), messages(warm));
        assertEquals(List.of("app.0.log.gz", "app.1.log.gz", "app.log"), files(warm));
        assertEquals(List.of(0, 1, 2), warm.events().stream().map(TracedEvent::fileIndex).toList());
        assertEquals(3, warm.cached());
        assertEquals(0, warm.lines());
        assertEquals(3, warm.found());

        // The active file grows (size changes), a new archive appears: both are read, the rest is not.
        Files.writeString(active, ev("2026-11-20T08:00:05Z", "req-7", "fifth"), java.nio.file.StandardOpenOption.APPEND);
        Path a2 = Fixtures.write(tmp.resolve("app.2.log"), ev("2026-11-20T08:00:04Z", "req-7", "fourth"));
        Trace.Result after = trace(List.of(a0, a1, a2, active), cache, 1000);
        assertEquals(List.of("first", "second", "third", "fourth", "fifth"), messages(after));
        assertEquals(2, after.cached());
        assertEquals(3, after.lines());
        assertEquals(messages(trace(List.of(a0, a1, a2, active), null, 1000)), messages(after));
    }

    @Test
    void anArchiveReplacedWithTheSameSizeIsReadAgain() throws IOException {
        Path a0 = Fixtures.write(tmp.resolve("app.0.log"), ev("2026-11-20T08:00:01Z", "req-7", "first-A"));
        TraceCache cache = new TraceCache(100, 1000);
        FileTime mtime = Files.getLastModifiedTime(a0);
        assertEquals(List.of("first-A"), messages(trace(List.of(a0), cache, 1000)));

        // Same length, same modification time, rewritten in place: the contents differ, the identity does not...
        Files.writeString(a0, ev("2026-11-20T08:00:01Z", "req-7", "first-B"));
        Files.setLastModifiedTime(a0, FileTime.fromMillis(mtime.toMillis() + 1000));
        // ...but the modification time does, so the file is read again.
        Trace.Result r = trace(List.of(a0), cache, 1000);
        assertEquals(List.of("first-B"), messages(r));
        assertEquals(0, r.cached());

        // Replaced by another file (new inode) with the same size and time: read again.
        Path replacement = Fixtures.write(tmp.resolve("new.log"), ev("2026-11-20T08:00:01Z", "req-7", "first-C"));
        Files.setLastModifiedTime(replacement, Files.getLastModifiedTime(a0));
        Files.move(replacement, a0, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Trace.Result c = trace(List.of(a0), cache, 1000);
        assertEquals(List.of("first-C"), messages(c));
        assertEquals(0, c.cached());
        assertEquals(1, trace(List.of(a0), cache, 1000).cached());
    }

    @Test
    void aDamagedArchiveIsNeverKept() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.gzip(tmp.resolve("whole.gz"),
                ev("2026-11-20T08:00:01Z", "req-7", "first").repeat(50)));
        Path cut = tmp.resolve("app.0.log.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 20));
        TraceCache cache = new TraceCache(100, 1000);
        Trace.Result r = trace(List.of(cut), cache, 1000);
        assertEquals(1, r.problems().size());
        assertEquals(0, cache.size());
        assertNull(cache.get(TraceCache.id(cut), "req-7", 1000));
    }

    @Test
    void aResultReadWithASmallerCapDoesNotServeALargerOne() {
        Path a0 = Fixtures.write(tmp.resolve("app.0.log"), ev("2026-11-20T08:00:01Z", "req-7", "one")
                + ev("2026-11-20T08:00:02Z", "req-7", "two") + ev("2026-11-20T08:00:03Z", "req-7", "three"));
        TraceCache cache = new TraceCache(100, 1000);
        Trace.Result capped = trace(List.of(a0), cache, 2);
        assertEquals(List.of("one", "two"), messages(capped));
        assertEquals(3, capped.found());
        Trace.Result again = trace(List.of(a0), cache, 2);
        assertEquals(1, again.cached());
        assertEquals(3, again.found());
        Trace.Result larger = trace(List.of(a0), cache, 1000);
        assertEquals(0, larger.cached());
        assertEquals(List.of("one", "two", "three"), messages(larger));
    }

    @Test
    void keepsAtMostItsEntriesAndEventsLeastRecentlyUsedFirst() {
        TraceCache cache = new TraceCache(2, 3);
        TraceCache.FileId a = new TraceCache.FileId(tmp.resolve("a"), 1, 1, null);
        TraceCache.FileId b = new TraceCache.FileId(tmp.resolve("b"), 1, 1, null);
        TraceCache.FileId c = new TraceCache.FileId(tmp.resolve("c"), 1, 1, null);
        cache.put(a, "x", new TraceCache.FileTrace(List.of(), 10, 1, 0, 0));
        cache.put(b, "x", new TraceCache.FileTrace(List.of(), 10, 1, 0, 0));
        cache.get(a, "x", 10);
        cache.put(c, "x", new TraceCache.FileTrace(List.of(), 10, 1, 0, 0));
        assertEquals(2, cache.size());
        assertNull(cache.get(b, "x", 10));
        assertEquals(1, cache.get(a, "x", 10).lines());
        assertNull(cache.get(a, "y", 10));
    }

    @Test
    void keepsAtMostItsEventsInAll() {
        Path a0 = Fixtures.write(tmp.resolve("app.0.log"), ev("2026-11-20T08:00:01Z", "req-7", "one")
                + ev("2026-11-20T08:00:02Z", "req-7", "two"));
        Path a1 = Fixtures.write(tmp.resolve("app.1.log"), ev("2026-11-20T08:00:03Z", "req-7", "three")
                + ev("2026-11-20T08:00:04Z", "req-7", "four"));
        TraceCache cache = new TraceCache(100, 3);
        trace(List.of(a0), cache, 1000);
        trace(List.of(a1), cache, 1000);
        assertEquals(1, cache.size());
        Trace.Result r = trace(List.of(a0, a1), cache, 1000);
        assertEquals(List.of("one", "two", "three", "four"), messages(r));
        assertEquals(1, r.cached());
    }
}
