package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What logrotate's {@code create} mode does around a restart, by hand and forced at the worst moment: the
 * new file opened while still empty and read before the follower looks at it again (its head must be
 * taken once it has bytes), an old checkpoint entry with an empty head (never matched by inode alone),
 * and a rotated file read to its end that {@code rotate N} deleted while the tailer was down (no false
 * data-loss warning), against one whose unread bytes really went missing (warned, and counted).
 */
class FollowerLogrotateTest extends FollowerFixture {

    /** logrotate {@code create}: the file moves to {@code app.log.1} (older ones shift), an empty one replaces it. */
    private void rotateCreate(int keep) throws IOException {
        for (int i = keep; i >= 1; i--) {
            Path from = dir.resolve(i == 1 ? "app.log" : "app.log." + (i - 1));
            Path to = dir.resolve("app.log." + i);
            if (Files.exists(from)) {
                Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createFile(app());
    }

    /**
     * logrotate's {@code rotate 2}, {@code create}, {@code compress}, {@code delaycompress}, in its order: the
     * oldest copy goes, {@code .1} becomes {@code .2}, the file becomes {@code .1}, {@code .2} is compressed
     * and deleted, then the new file is created — on ext4 with the inode just freed.
     */
    private void rotateDelaycompress() throws IOException {
        Files.deleteIfExists(dir.resolve("app.log.2.gz"));
        Path one = dir.resolve("app.log.1");
        Path two = dir.resolve("app.log.2");
        if (Files.exists(one)) {
            Files.move(one, two);
        }
        Files.move(app(), one);
        if (Files.exists(two)) {
            Logs.gzip(two, dir.resolve("app.log.2.gz"));
            Files.delete(two);
        }
        Files.createFile(app());
    }

    @Test
    void aReadCopyMissedByOneListingIsNotReadAgainWhenItShowsUpRenamed() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        Follower f = follower("app.log");
        drain(f);
        rotateCreate(5);                                   // a -> app.log.1
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        drain(f);
        clock.advance(WAIT.plusSeconds(1));
        drain(f);                                          // a read to its end
        rotateCreate(5);                                   // a -> app.log.2, b -> app.log.1
        Logs.lines(app(), Logs.numbered("c", 0, 5));
        drain(f);
        clock.advance(WAIT.plusSeconds(1));
        drain(f);                                          // b read to its end
        sink.clear();
        // A listing made while logrotate shifts names misses a file that is only being renamed: as if
        // app.log.2 were away for one look, then back under its next name.
        Path away = Files.createDirectories(dir.resolve("elsewhere")).resolve("app.log.2");
        Files.move(dir.resolve("app.log.2"), away);
        Logs.lines(app(), Logs.numbered("c", 5, 6));
        drain(f);
        Files.move(away, dir.resolve("app.log.3"));
        Logs.lines(app(), Logs.numbered("c", 6, 7));
        drain(f);
        assertEquals(Logs.numbered("c", 5, 7), sink.texts(), "a is not read again");

        // Gone for good: forgotten once missing from the listings for longer than the grace.
        String aHead = files(f.positions()).get(0).headHash();
        Files.delete(dir.resolve("app.log.3"));
        rotateCreate(5);                                   // a change of the listing: a missed
        drain(f);
        assertEquals(aHead, files(f.positions()).get(0).headHash(), "within the grace, a is still known");
        clock.advance(WAIT.plusSeconds(1));
        rotateCreate(5);                                   // still missing, past the grace
        drain(f);
        assertTrue(files(f.positions()).stream().noneMatch(p -> aHead.equals(p.headHash())), "a forgotten: " + f.positions());
    }

    @Test
    void aCopyCompressedAndDeletedBetweenListingAndOpeningIsReadFromItsGzip() throws IOException {
        Path copy = dir.resolve("app.log.1");
        Logs.lines(copy, Logs.numbered("a", 0, 20));
        var a = Files.readAttributes(copy, java.nio.file.attribute.BasicFileAttributes.class);
        RotatedFiles.Member listed = new RotatedFiles.Member(copy, a.fileKey(), a.size(), a.lastModifiedTime());
        listed.head();                                     // as the listing read it
        Logs.gzip(copy, dir.resolve("app.log.1.gz"));      // logrotate's compress, then the plain copy goes
        Files.delete(copy);
        Files.createFile(app());
        StreamFollower s = new StreamFollower(app(), false, new RotatedFiles(app(), List.of(), p -> false),
                options("app.log"), notices::add);
        s.startNew(FollowerOptions.Start.BEGINNING);
        s.enqueueCopy(listed, 0);
        for (int i = 0; i < 100 && s.poll(sink, clock.millis()) > 0; i++) {
            // read to the end
        }
        s.close();
        assertEquals(Logs.numbered("a", 0, 20), sink.texts());
        assertEquals(List.of(), lost(), "nothing was lost: " + notices());
    }

    @Test
    void twoDelaycompressRotationsBetweenTwoLooksReadTheFileThatGotAFreedInode() throws IOException {
        Logs.lines(app(), Logs.numbered("e", 0, 6));
        Follower f = follower("app.log");
        drain(f);
        rotateDelaycompress();                             // e -> app.log.1
        Logs.lines(app(), Logs.numbered("f", 0, 5));
        drain(f);
        clock.advance(WAIT.plusSeconds(1));
        drain(f);                                          // e read to its end and closed: its inode can be freed
        sink.clear();
        Logs.lines(app(), Logs.numbered("f", 5, 8));        // unread when the rotations come

        rotateDelaycompress();                             // e compressed and deleted, f -> app.log.1, g created
        Logs.lines(app(), Logs.numbered("g", 0, 4));
        rotateDelaycompress();                             // f -> app.log.2.gz, g -> app.log.1 (where e was seen)
        Logs.lines(app(), Logs.numbered("h", 0, 3));
        drain(f);
        assertEquals(concat(concat(Logs.numbered("f", 5, 8), Logs.numbered("g", 0, 4)), Logs.numbered("h", 0, 3)),
                sink.texts(), "g is read whole, whichever inode it got");
    }

    private List<FilePosition> crash(Follower f) {
        List<FilePosition> at = f.positions(); // the last checkpoint before kill -9
        f.close();
        sink.clear();
        notices.clear();
        return at;
    }

    @Test
    void aFileOpenedEmptyAndReadInTheSamePollIsRecognisedAfterARestart() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        Follower f = follower("app.log");
        drain(f);
        sink.clear();
        Logs.lines(app(), Logs.numbered("a", 10, 12));   // unread when logrotate moves the file
        rotateCreate(3);
        boolean[] written = {false};
        LineSink writeOnFirstLine = line -> {
            sink.accept(line);
            if (!written[0]) {
                // Forced: the new, empty file is already open; lines reach it before it is read in this poll.
                written[0] = true;
                try {
                    Logs.lines(app(), Logs.numbered("b", 0, 5));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        f.poll(writeOnFirstLine);
        assertEquals(concat(Logs.numbered("a", 10, 12), Logs.numbered("b", 0, 5)), sink.texts());
        List<FilePosition> at = crash(f);
        FilePosition b = files(at).get(files(at).size() - 1);
        assertEquals(app().toString(), b.path());
        assertTrue(b.headLength() > 0, "the head is taken once the file has bytes: " + b);

        rotateCreate(3);                                   // while down: b moves to app.log.1
        Logs.lines(app(), Logs.numbered("c", 0, 4));
        drain(resume(options("app.log"), at));
        assertEquals(Logs.numbered("c", 0, 4), sink.texts(), "b is not read twice");
    }

    @Test
    void anEntryWithAnEmptyHeadIsNeverMatchedByInodeAlone() throws IOException {
        Logs.lines(app(), Logs.numbered("c", 0, 6));
        String key = String.valueOf(Files.readAttributes(app(), java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        // As an older logtally checkpointed a file opened empty: an offset, but no head. The file now at
        // the path has that inode (create reused it) but is another file.
        List<FilePosition> at = List.of(FilePosition.followed(app().toString()),
                new FilePosition(app().toString(), app().toString(), key, 9, 0, FileHead.EMPTY.hash()));
        drain(resume(options("app.log"), at));
        assertEquals(Logs.numbered("c", 0, 6), sink.texts(), "read from its beginning, not from offset 9");
        assertEquals(List.of(app() + ": a checkpoint entry at offset 9 has no head (written while the file was empty)"
                + " and cannot be told from another file: what is there is read from its beginning"), notices());
    }

    @Test
    void noDataLossWarningWhenRotateNDeletedAFileReadToItsEnd() throws IOException {
        Logs.lines(app(), Logs.numbered("a", 0, 10));
        Follower f = follower("app.log");
        drain(f);
        rotateCreate(1);
        Logs.lines(app(), Logs.numbered("b", 0, 5));
        drain(f);                                   // a: read to its end, still watched for late writes
        List<FilePosition> at = crash(f);
        assertEquals(2, files(at).size(), "a (draining) and b: " + at);

        rotateCreate(1);                            // rotate 1: a deleted, b moves to app.log.1
        Logs.lines(app(), Logs.numbered("c", 0, 4));
        drain(resume(options("app.log"), at));
        assertEquals(Logs.numbered("c", 0, 4), sink.texts());
        assertEquals(List.of(), lost(), "nothing unread went missing");
    }

    @Test
    void unreadBytesThatWentMissingAreWarnedWithTheirCount() throws IOException {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            a.add("a" + i);                                   // 3 bytes a line with its newline
        }
        Logs.lines(app(), a);
        Follower f = follower(options("app.log").withMaxBytesPerFile(12));
        f.poll(sink);                                         // 4 lines read, then the size seen: 30
        List<FilePosition> at = crash(f);
        assertEquals(12, files(at).get(0).offset());
        assertEquals(30, files(at).get(0).size());

        Files.delete(app());                                  // rotate 0 while down: gone unread
        Logs.lines(app(), "c0", "c1");
        drain(resume(options("app.log"), at));
        assertEquals(List.of("c0", "c1"), sink.texts());
        assertEquals(List.of(new FollowerNotice.DataLost(app().toString(), 12, 18,
                "the file is neither at " + app() + " nor among its rotated copies")), lost());
    }

    private List<FollowerNotice.DataLost> lost() {
        List<FollowerNotice.DataLost> out = new ArrayList<>();
        for (FollowerNotice n : notices) {
            if (n instanceof FollowerNotice.DataLost d) {
                out.add(d);
            }
        }
        return out;
    }
}
