package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The follow loop, case by case: each test drives {@link Follower#poll} by hand, no sleeping. */
class FollowerTest extends FollowerFixture {

    @Test
    void followsAppendsAndHoldsAPartialLineUntilItsNewline() throws IOException {
        Logs.append(app(), "one\ntw");
        Follower f = follower("app.log");
        assertEquals(6, f.poll(sink));
        assertEquals(List.of(new Collector.Got(app().toString(), 0, 4, "one", false)), sink.got);
        assertEquals(List.of(FilePosition.followed(app().toString()),
                new FilePosition(app().toString(), app().toString(), key(app()), 4, 6, head("one\ntw"), 6)), f.positions());
        Logs.append(app(), "o\nthree\n");
        f.poll(sink);
        assertEquals(List.of("one", "two", "three"), sink.texts());
        assertEquals(new Collector.Got(app().toString(), 4, 8, "two", false), sink.got.get(1));
        assertEquals(14, files(f.positions()).get(0).offset());
        assertEquals(0, f.poll(sink));
        assertEquals(List.of(), notices);
    }

    @Test
    void crLfLinesAndMultiByteCharactersAcrossChunkEdgesArriveWhole() throws IOException {
        int chunk = LineSplitter.CHUNK;
        byte[] data = new byte[2 * chunk + 10];
        Arrays.fill(data, (byte) 'a');
        System.arraycopy("€".getBytes(StandardCharsets.UTF_8), 0, data, chunk - 2, 3);
        System.arraycopy("😀".getBytes(StandardCharsets.UTF_8), 0, data, 2 * chunk - 1, 4);
        data[10] = '\r';
        data[11] = '\n';
        data[data.length - 2] = '\r';
        data[data.length - 1] = '\n';
        Files.write(app(), data);
        Follower f = follower("app.log");
        drain(f);
        String second = "a".repeat(chunk - 2 - 12) + "€" + "a".repeat(2 * chunk - 1 - (chunk + 1)) + "😀"
                + "a".repeat(data.length - 2 - (2 * chunk + 3));
        assertEquals(List.of("a".repeat(10), second), sink.texts());
        assertEquals(12, sink.got.get(1).offset());
        assertEquals(data.length, sink.got.get(1).end());
    }

    @Test
    void aLineOverTheCapIsCountedAsOversizedAndReadingGoesOn() throws IOException {
        Logs.lines(app(), "ok", "x".repeat(5000), "fine");
        Follower f = follower(options("app.log").withLineMaxBytes(100));
        drain(f);
        assertEquals(List.of(new Collector.Got(app().toString(), 0, 3, "ok", false),
                new Collector.Got(app().toString(), 3, 5004, "", true),
                new Collector.Got(app().toString(), 5004, 5009, "fine", false)), sink.got);
    }

    @Test
    void eachPollReadsAtMostTheBudgetPerFileAndPositionsFollowTheSink() throws IOException {
        List<String> lines = Logs.numbered("b", 0, 20_000);
        Logs.lines(app(), lines);
        long size = Files.size(app());
        Follower f = follower(options("app.log").withMaxBytesPerFile(100_000));
        int polls = 0;
        while (f.poll(sink) > 0) {
            polls++;
            Collector.Got last = sink.got.get(sink.got.size() - 1);
            assertEquals(last.end(), files(f.positions()).get(0).offset());
            assertEquals(size - last.end(), f.lagBytes());
        }
        assertEquals(lines, sink.texts());
        assertEquals((size + 99_999) / 100_000, polls);
        assertEquals(0, f.lagBytes());
    }

    @Test
    void aTouchedFileIsNotReadAgain() throws IOException {
        Logs.lines(app(), "a", "b");
        Follower f = follower("app.log");
        drain(f);
        Files.setLastModifiedTime(app(), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(0, f.poll(sink));
        Logs.lines(app(), "c");
        drain(f);
        assertEquals(List.of("a", "b", "c"), sink.texts());
        assertEquals(List.of(), notices);
    }

    @Test
    void renameRotationDrainsTheOldFileEvenWhenTheNewOneOutgrewItsOffset() throws IOException {
        List<String> first = Logs.numbered("old", 0, 10);
        List<String> unread = Logs.numbered("old", 10, 15);
        List<String> fresh = Logs.numbered("new", 0, 100);
        Logs.lines(app(), first);
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), unread);
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), fresh);
        assertEquals(true, Files.size(app()) > Files.size(tmp), "the new file is already past the old offset");
        drain(f);
        assertEquals(concat(concat(first, unread), fresh), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp.toString())), notices);
        assertEquals(tmp.toString(), sink.got.get(10).source(), "lines of the rotated file carry its new name");

        // Late writes to the rotated file are read for rotate.wait after its last growth, then it is closed.
        assertEquals(2, f.filesOpen());
        clock.advance(Duration.ofSeconds(4));
        Logs.lines(tmp, "late-1");
        drain(f);
        clock.advance(Duration.ofSeconds(4));
        Logs.lines(tmp, "late-2");
        drain(f);
        assertEquals(List.of("late-1", "late-2"), sink.textsFrom(115));
        assertEquals(2, f.filesOpen());
        clock.advance(WAIT);
        f.poll(sink);
        assertEquals(1, f.filesOpen());

        // Compressed and deleted afterwards: nothing is read again.
        compress(tmp, "app.2026-11-24.0.log.gz");
        assertEquals(0, f.poll(sink));
        assertEquals(117, sink.got.size());
    }

    @Test
    void aFileUnderTheGlobWithTheIdentityOfAFollowedOneIsThatFileRenamed() throws IOException {
        // Logback 1.6 renames app.log to app.2026-11-24.0.log before compressing: it matches *.log too.
        Logs.lines(app(), Logs.numbered("a", 0, 50));
        Follower f = follower("*.log");
        drain(f);
        Logs.lines(app(), Logs.numbered("a", 50, 60));
        Path tmp = rename("app.2026-11-24.0.log");
        drain(f);
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        drain(f);
        clock.advance(WAIT.plusSeconds(1));
        drain(f);
        assertEquals(1, f.filesOpen(), "the rotated file is done and closed");
        // Still there (compression is slow, or failed and Logback 1.6 kept it): still not a new file.
        drain(f);
        assertEquals(Set.of(app()), f.followedPaths());
        assertEquals(concat(Logs.numbered("a", 0, 60), Logs.numbered("b", 0, 5)), sink.texts());
        Logs.gzip(tmp, dir.resolve("app.2026-11-24.0.log.gz"));
        drain(f);
        Files.delete(tmp);
        drain(f);
        assertEquals(65, sink.got.size());
    }

    @Test
    void deleteAndRecreateDrainsTheDeletedFileThroughItsOpenChannel() throws IOException {
        Logs.lines(app(), "a1", "a2");
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), "a3");
        Files.delete(app());
        drain(f);
        Logs.lines(app(), "b1");
        drain(f);
        assertEquals(List.of("a1", "a2", "a3", "b1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RECREATE, null)), notices);
    }

    @Test
    void aFileThatDoesNotExistYetIsPickedUpWhenItAppears() throws IOException {
        Follower f = follower("app.log");
        assertEquals(0, f.poll(sink));
        assertEquals(List.of(new FollowerNotice.FileMissing(app().toString())), notices);
        assertEquals(List.of(FilePosition.followed(app().toString())), f.positions());
        Logs.lines(app(), "hello");
        drain(f);
        assertEquals(List.of("hello"), sink.texts());
        assertEquals(1, notices.size());
    }

    @Test
    void newFilesUnderAGlobAreFollowedFromTheirBeginning() throws IOException {
        Logs.lines(dir.resolve("a.log"), "a1");
        Follower f = follower(options("*.log").withStart(FollowerOptions.Start.END));
        drain(f);
        assertEquals(List.of(), sink.texts(), "found at the very first start, with start=end");
        Logs.lines(dir.resolve("b.log"), "b1", "b2");
        Logs.lines(dir.resolve("a.log"), "a2");
        Logs.lines(dir.resolve("other.txt"), "not followed");
        drain(f);
        assertEquals(Set.of("a2", "b1", "b2"), Set.copyOf(sink.texts()));
        assertEquals(3, sink.got.size());
    }

    @Test
    void startAtEndBeginsAtTheStartOfAPartialLastLine() throws IOException {
        Logs.append(app(), "old1\nold2\nhal");
        Follower f = follower(options("app.log").withStart(FollowerOptions.Start.END));
        assertEquals(3, f.poll(sink));
        Logs.append(app(), "f\nnew\n");
        drain(f);
        assertEquals(List.of(new Collector.Got(app().toString(), 10, 15, "half", false),
                new Collector.Got(app().toString(), 15, 19, "new", false)), sink.got);
    }

    @Test
    void theActiveFileMissingForSeveralPollsLosesNothing() throws IOException {
        Logs.lines(app(), "a1");
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), "a2");
        rename("app.2026-11-24.0.log");
        for (int i = 0; i < 3; i++) {
            f.poll(sink);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of("a1", "a2"), sink.texts());
        assertEquals(1, notices.size(), "a rename gap shorter than rotate.wait is not a missing file: " + notices);
        Logs.lines(app(), "b1");
        drain(f);
        assertEquals(List.of("a1", "a2", "b1"), sink.texts());
    }

    @Test
    void aPathMissingLongerThanRotateWaitIsReportedOnce() throws IOException {
        Logs.lines(app(), "a1");
        Follower f = follower("app.log");
        drain(f);
        Files.delete(app());
        f.poll(sink);
        clock.advance(WAIT);
        f.poll(sink);
        f.poll(sink);
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RECREATE, null),
                new FollowerNotice.FileMissing(app().toString())), notices);
    }

    @Test
    void copyTruncateReadsTheUnreadRestFromTheCopyThenTheFileFromZero() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), Logs.numbered("a", 10, 15));
        Path copy = dir.resolve("app.log.1");
        Logs.copyTruncate(app(), copy);
        Logs.lines(app(), "b1", "b2");
        drain(f);
        assertEquals(concat(Logs.numbered("a", 0, 15), List.of("b1", "b2")), sink.texts());
        assertEquals(copy.toString(), sink.got.get(10).source());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.TRUNCATE, copy.toString())), notices);
        assertEquals(new Collector.Got(app().toString(), 0, 3, "b1", false), sink.got.get(15));
    }

    @Test
    void aFileTruncatedAndRewrittenPastTheOffsetBetweenPollsIsSeenByItsHead() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 3));
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), Logs.numbered("a", 3, 5));
        Path copy = dir.resolve("app.2026-11-24.0.log");
        Logs.copyTruncate(app(), copy);
        List<String> rewritten = Logs.numbered("r", 0, 200);
        Logs.lines(app(), rewritten);
        assertEquals(true, Files.size(app()) > Files.size(copy));
        drain(f);
        assertEquals(concat(Logs.numbered("a", 0, 5), rewritten), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.TRUNCATE, copy.toString())), notices);
    }

    @Test
    void copyTruncateWithoutACopySaysWhatWasLostAndGoesOn() throws IOException {
        // The follower saw a2 (its look found 6 bytes) but read only a1 (a 3-byte budget) before the cut.
        Logs.lines(app(), "a1", "a2");
        Follower f = follower(options("app.log").withMaxBytesPerFile(3));
        f.poll(sink);
        Files.write(app(), new byte[0]);
        Logs.lines(app(), "b");
        drain(f);
        assertEquals(List.of("a1", "b"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.TRUNCATE, null),
                new FollowerNotice.DataLost(app().toString(), 3, 3,
                        "truncated in place, and no copy beside it holds the rest (up to offset 6)")), notices);
    }

    @Test
    void aRotatedFileEndingWithoutANewlineHasItsPartialLineReported() throws IOException {
        Logs.append(app(), "a1\nhalf");
        Follower f = follower("app.log");
        drain(f);
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), "b1");
        drain(f);
        clock.advance(WAIT);
        drain(f);
        assertEquals(List.of("a1", "b1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp.toString()),
                new FollowerNotice.PartialLineDropped(tmp.toString(), 3, 4)), notices);
    }

    @Test
    void somethingOtherThanAFileAtThePathIsReportedOnceAndTheOthersGoOn() throws IOException {
        Files.createDirectory(dir.resolve("dir.log"));
        Logs.lines(dir.resolve("b.log"), "b1");
        Follower f = follower("dir.log", "b.log");
        drain(f);
        f.poll(sink);
        assertEquals(List.of("b1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Unreadable(dir.resolve("dir.log").toString(), "not a regular file"),
                new FollowerNotice.FileMissing(dir.resolve("dir.log").toString())), notices);
    }

    @Test
    void severalRotationsBetweenTwoPollsAreReadInRotationOrder() throws IOException {
        Logs.lines(app(), "a1");
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), "a2");
        Path tmp0 = rename("app.2026-11-24.0.log");
        Logs.lines(app(), "b1");
        Path tmp1 = rename("app.2026-11-24.1.log");
        Logs.lines(app(), "c1");
        compress(tmp0, "app.2026-11-24.0.log.gz");
        drain(f);
        assertEquals(List.of("a1", "a2", "b1", "c1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME,
                        dir.resolve("app.2026-11-24.0.log.gz").toString()),
                new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp1.toString())), notices);
    }

    @Test
    void linesWrittenToAnEmptyFileAndCopyTruncatedBetweenTwoPollsAreReadFromTheCopy() throws IOException {
        Logs.append(app(), "");
        Follower f = follower("app.log");
        drain(f);
        Logs.lines(app(), "x1", "x2");
        Path copy = dir.resolve("app.log.1");
        Logs.copyTruncate(app(), copy);
        Logs.lines(app(), "y1");
        drain(f);
        assertEquals(List.of("x1", "x2", "y1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, copy.toString())), notices);
    }

    @Test
    void aCopySeenTogetherWithItsOriginalUnderAGlobIsReadOnce() throws IOException {
        Follower f = follower("*.log");
        drain(f);
        Logs.lines(app(), Logs.numbered("a", 0, 5));
        Files.copy(app(), dir.resolve("app.2026-11-24.0.log")); // copy-truncate caught between copy and cut
        drain(f);
        Logs.copyTruncate(app(), dir.resolve("app.2026-11-24.1.log"));
        Files.delete(dir.resolve("app.2026-11-24.0.log"));
        Logs.lines(app(), "b1");
        drain(f);
        assertEquals(concat(Logs.numbered("a", 0, 5), List.of("b1")), sink.texts());
        assertEquals(Set.of(app()), f.followedPaths());
    }

    private static String key(Path p) throws IOException {
        return String.valueOf(Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    }

    private static String head(String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return FileHead.of(b, b.length).hash();
    }
}
