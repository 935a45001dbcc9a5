package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Restarts from checkpointed positions after whatever happened while the tailer was stopped: nothing is
 * read twice and nothing is lost, asserted on the exact lines delivered after the restart.
 */
class FollowerRestartTest extends FollowerFixture {

    /** Reads everything, then returns the positions a checkpoint would hold, and stops (drops) the follower. */
    private List<FilePosition> runAndStop(Follower f) {
        drain(f);
        List<FilePosition> positions = f.positions();
        f.close();
        sink.clear();
        notices.clear();
        return positions;
    }

    @Test
    void resumesAtTheOffsetWhenTheFileIsUnchanged() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 13));
        drain(resume(options("app.log"), at));
        assertEquals(Logs.numbered("a", 10, 13), sink.texts());
        assertEquals(List.of(), notices);
    }

    @Test
    void aPartialLineAtTheCheckpointIsReadWholeAfterTheRestart() throws IOException {
        Logs.append(app(), "a1\na2-fir");
        List<FilePosition> at = runAndStop(follower("app.log"));
        assertEquals(3, files(at).get(0).offset());
        Logs.append(app(), "st-half\n");
        drain(resume(options("app.log"), at));
        assertEquals(List.of("a2-first-half"), sink.texts());
    }

    @Test
    void finishesAFileMovedToItsTmpNameThenReadsTheNewFile() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 20));
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("a", 10, 20), Logs.numbered("b", 0, 5)), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp.toString())), notices);
    }

    @Test
    void finishesAFileThatWasMovedAndCompressedByItsDecompressedHead() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 20));
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        Path gz = compress(tmp, "app.2026-11-24.0.log.gz");
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("a", 10, 20), Logs.numbered("b", 0, 5)), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, gz.toString())), notices);
    }

    @Test
    void prefersTheTmpFileWhenItsGzipIsStillBeingWritten() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 3000));
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.halfGzip(tmp, dir.resolve("app.2026-11-24.0.log.gz"), 20_000);
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("a", 10, 3000), Logs.numbered("b", 0, 5)), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp.toString())), notices);
    }

    @Test
    void logback15TmpNamesAreRecognisedToo() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 12));
        Path tmp = rename("app.2026-11-24.0.log540826378242.tmp");
        Logs.halfGzip(tmp, dir.resolve("app.2026-11-24.0.log.gz"), 30);
        drain(resume(options("app.log"), at));
        assertEquals(Logs.numbered("a", 10, 12), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.RENAME, tmp.toString()),
                new FollowerNotice.FileMissing(app().toString())), notices, "the new file is not there yet");
    }

    @Test
    void readsTheArchivesOfRotationsWhileStoppedInOrderBeforeTheActiveFile() throws IOException {
        // An archive from before the first start: never read (it was there before we began).
        Logs.lines(dir.resolve("app.2026-11-23.7.log"), "ancient");
        compress(dir.resolve("app.2026-11-23.7.log"), "app.2026-11-23.7.log.gz");
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 12));
        for (int i = 0; i < 11; i++) {
            // Eleven rollovers: index 10 must sort after 9.
            Path tmp = rename("app.2026-11-24." + i + ".log");
            Logs.lines(app(), Logs.numbered("r" + i, 0, 3));
            compress(tmp, "app.2026-11-24." + i + ".log.gz");
        }
        Logs.lines(app(), "last");
        drain(resume(options("app.log"), at));
        List<String> expected = Logs.numbered("a", 10, 12);
        for (int i = 0; i < 11; i++) {
            expected = concat(expected, Logs.numbered("r" + i, 0, 3));
        }
        expected = concat(expected, List.of("last"));
        assertEquals(expected, sink.texts());
    }

    @Test
    void aCheckpointTakenWhileTheNewFileWasEmptyFindsItsArchiveAfterTheAnchor() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        Follower f = follower("app.log");
        drain(f);
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.append(app(), "");
        drain(f);
        compress(tmp, "app.2026-11-24.0.log.gz");
        clock.advance(WAIT);
        List<FilePosition> at = runAndStop(f);
        assertEquals(0, at.get(at.size() - 1).headLength(), "the new file was empty: its content cannot be recognised");
        assertEquals(0, at.get(at.size() - 1).offset());
        Logs.lines(app(), Logs.numbered("b", 0, 4));
        Path tmp1 = rename("app.2026-11-24.1.log");
        Logs.lines(app(), Logs.numbered("c", 0, 2));
        compress(tmp1, "app.2026-11-24.1.log.gz");
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("b", 0, 4), Logs.numbered("c", 0, 2)), sink.texts());
    }

    @Test
    void aCopyTruncateWhileStoppedIsFinishedFromTheCopy() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 14));
        Path copy = dir.resolve("app.log.1");
        Logs.copyTruncate(app(), copy);
        Logs.lines(app(), Logs.numbered("b", 0, 30));
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("a", 10, 14), Logs.numbered("b", 0, 30)), sink.texts());
        assertEquals(List.of(new FollowerNotice.Rotated(app().toString(), RotationKind.TRUNCATE, copy.toString())), notices);
    }

    @Test
    void aCrashWhileDrainingARotatedFileFinishesItAfterTheRestart() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 5000));
        Follower f = follower(options("app.log").withMaxBytesPerFile(50_000));
        f.poll(sink);
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), Logs.numbered("b", 0, 10));
        f.poll(sink);
        int before = sink.got.size();
        List<FilePosition> at = f.positions();
        f.close();
        assertEquals(2, files(at).size(), "the rotated file being drained and the new one: " + at);
        List<String> seen = sink.texts();
        sink.clear();
        compress(tmp, "app.2026-11-24.0.log.gz");
        drain(resume(options("app.log"), at));
        assertEquals(concat(Logs.numbered("a", before, 5000), Logs.numbered("b", 0, 10)), sink.texts());
        assertEquals(Logs.numbered("a", 0, before), seen);
    }

    @Test
    void underAGlobTheMovedFileIsFinishedNotFollowedAsANewOne() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("*.log"));
        Logs.lines(app(), Logs.numbered("a", 10, 20));
        rename("app.2026-11-24.0.log");
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        Follower f = resume(options("*.log"), at);
        drain(f);
        clock.advance(WAIT);
        drain(f);
        List<FilePosition> again = f.positions();
        assertEquals(concat(Logs.numbered("a", 10, 20), Logs.numbered("b", 0, 5)), sink.texts());
        assertEquals(Set.of(app()), f.followedPaths());
        f.close();
        sink.clear();
        // And once more, with the finished rotated file still beside it.
        Follower g = resume(options("*.log"), again);
        drain(g);
        assertEquals(List.of(), sink.texts());
        assertEquals(Set.of(app()), g.followedPaths());
    }

    @Test
    void aCheckpointedFileReadToItsEndThatIsGoneLostNothing() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        List<FilePosition> at = runAndStop(follower("app.log"));
        Files.delete(app());
        Logs.lines(app(), "new");
        drain(resume(options("app.log"), at));
        assertEquals(List.of("new"), sink.texts());
        assertEquals(List.of(), notices, "no data-loss warning: nothing unread went missing");
    }

    @Test
    void positionsTakenBeforeTheFirstPollHoldWhereTheFirstStartBegan() throws IOException {
        Logs.lines(app(), "old1", "old2");
        Follower first = follower(options("app.log").withStart(FollowerOptions.Start.END));
        List<FilePosition> at = first.positions(); // the daemon checkpoints at once, then crashes
        first.close();
        assertEquals(List.of(FilePosition.followed(app().toString()), new FilePosition(app().toString(),
                app().toString(), files(at).get(0).fileKey(), 10, 10, files(at).get(0).headHash(), 10)), at);
        Logs.lines(app(), "new1");
        Path tmp = rename("app.2026-11-24.0.log");
        Logs.lines(app(), "new2");
        compress(tmp, "app.2026-11-24.0.log.gz");
        drain(resume(options("app.log").withStart(FollowerOptions.Start.END), at));
        assertEquals(List.of("new1", "new2"), sink.texts());
    }

    @Test
    void aPathNoLongerConfiguredIsDroppedFromThePositions() throws IOException {
        Logs.lines(app(), "a");
        Logs.lines(dir.resolve("other.log"), "o");
        List<FilePosition> at = runAndStop(follower("app.log", "other.log"));
        assertEquals(4, at.size(), "two paths, one file each: " + at);
        Follower f = resume(options("app.log"), at);
        drain(f);
        assertEquals(List.of(at.get(0), at.get(2)), f.positions());
    }
}
