package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Restarts after copy-truncates whose copies are numbered upwards ({@code app.log.1}, then
 * {@code app.log.2}, ...: the newest has the highest number, unlike logrotate's own shifting scheme, where
 * {@link NameOrder} takes {@code app.log.1} for the newest). A copy made while the tailer was stopped
 * then sorts <em>before</em> copies already read; so do Logback archives made meanwhile
 * ({@code app.2026-11-20.0.log} sorts before every {@code app.log.K}). Neither may be taken for history.
 *
 * <p>Reduced from {@code FollowPipelineTest#crashesAtRandomMomentsNeitherLoseNorDoubleCount} with 35
 * rounds, where the checkpoint named an empty active file (nothing to recognise it by) and every copy
 * already read sorted last: the rotations made before the crash were skipped, about 10% of the lines.
 */
class FollowerCopyNamesRestartTest extends FollowerFixture {

    /** Lines delivered since the last checkpoint are dropped by a crash; the rest are the count so far. */
    private final List<String> counted = new ArrayList<>();

    /** The follower's positions now, with the lines it delivered counted (what a checkpoint keeps). */
    private List<FilePosition> checkpoint(Follower f) {
        List<FilePosition> at = f.positions();
        counted.addAll(sink.texts());
        sink.clear();
        return at;
    }

    /** A crash: the follower is dropped, the lines it delivered since {@code at} with it; restart from {@code at}. */
    private Follower crashAndResume(Follower f, List<FilePosition> at) {
        f.close();
        sink.clear();
        notices.clear();
        return resume(options("app.log"), at);
    }

    /** Reads {@code a}, then copy-truncates it away to {@code app.log.1} and sees that: all of it read, the file empty. */
    private Follower readAndCopyTruncateOnce() throws IOException {
        Follower f = follower("app.log");
        Logs.lines(app(), Logs.numbered("a", 0, 20));
        drain(f);
        Logs.copyTruncate(app(), dir.resolve("app.log.1"));
        drain(f);
        return f;
    }

    @Test
    void aCopyMadeWhileStoppedIsReadThoughItsNumberSortsBeforeTheCopiesRead() throws IOException {
        Follower f = readAndCopyTruncateOnce();
        List<FilePosition> at = checkpoint(f); // app.log empty: nothing to recognise it by
        Logs.lines(app(), Logs.numbered("b", 0, 20));
        Logs.copyTruncate(app(), dir.resolve("app.log.2"));
        drain(crashAndResume(f, at));
        assertEquals(Logs.numbered("a", 0, 20), counted);
        assertEquals(Logs.numbered("b", 0, 20), sink.texts());
    }

    @Test
    void logbackArchivesAndCopiesMadeWhileStoppedAreAllReadAfterCopiesRead() throws IOException {
        Follower f = readAndCopyTruncateOnce();
        List<FilePosition> at = checkpoint(f);
        // Stopped meanwhile (as in the pipeline's rounds 30..34): two Logback rollovers, both compressed,
        // more lines, then a copy-truncate.
        Logs.lines(app(), Logs.numbered("b", 0, 20));
        Path b = rename("app.2026-11-20.0.log");
        Logs.lines(app(), Logs.numbered("c", 0, 20));
        Path c = rename("app.2026-11-20.1.log");
        Logs.lines(app(), Logs.numbered("d", 0, 20));
        compress(b, "app.2026-11-20.0.log.gz");
        compress(c, "app.2026-11-20.1.log.gz");
        Logs.lines(app(), Logs.numbered("e", 0, 20));
        Logs.copyTruncate(app(), dir.resolve("app.log.2"));
        drain(crashAndResume(f, at));
        List<String> expected = new ArrayList<>(Logs.numbered("b", 0, 20));
        expected.addAll(Logs.numbered("c", 0, 20));
        expected.addAll(Logs.numbered("d", 0, 20));
        expected.addAll(Logs.numbered("e", 0, 20));
        assertEquals(expected, sink.texts());
    }

    @Test
    void copiesFromBeforeTheFirstStartAreStillHistory() throws IOException {
        // There before the very first start: the newest is the anchor, the older ones are never read.
        Logs.lines(dir.resolve("app.2026-11-19.0.log"), Logs.numbered("old", 0, 3));
        Logs.lines(dir.resolve("app.2026-11-19.1.log"), Logs.numbered("old", 3, 6));
        Follower f = readAndCopyTruncateOnce();
        List<FilePosition> at = checkpoint(f);
        Logs.lines(app(), Logs.numbered("b", 0, 20));
        Logs.copyTruncate(app(), dir.resolve("app.log.2"));
        drain(crashAndResume(f, at));
        assertEquals(Logs.numbered("a", 0, 20), counted);
        assertEquals(Logs.numbered("b", 0, 20), sink.texts());
    }
}
