package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a {@link StreamFollower} starts: fresh (first start: rotated copies present are history), appeared
 * (a file new under a glob while following: rotated copies that were not there at the first start are
 * read), or restored from its checkpoint entries (oldest first: rotated files read to their end or taken
 * as read, rotated files being read, the file that was at the path), whatever happened while the tailer
 * was stopped:
 *
 * <ul>
 *   <li>An entry whose file is still at the path (same head, at least as long) resumes there.
 *   <li>An entry whose file moved is found among the rotated copies — a plain file with its identity
 *       (Logback's renamed file), else a plain file with its head (a copy-truncate copy), else a
 *       {@code .gz} with its decompressed head — and finished from its offset.
 *   <li>Unless the file at the path is recognisably the same as before, rotated copies that are no
 *       entry's file (nor a copy of the file now at the path) came while we were stopped — several
 *       rotations, or lines written to a then-empty file and copy-truncated away — and are read whole,
 *       in name order, before the file at the path, which is read from its beginning.
 * </ul>
 *
 * <p>That needs every rotated copy still there that was read, or taken as read (history at the first
 * start), to be an entry ({@link DoneFiles}), and it is: the decision never rests on where a name sorts.
 * It must not: names need not sort in rotation order — copies numbered upwards ({@code app.log.1}, then
 * {@code app.log.2}) sort as logrotate's shifted ones, newest first, and after every Logback archive.
 *
 * <pre>{@code
 * StreamStart.restored(stream, entriesOfThisPath);
 * }</pre>
 */
final class StreamStart {
    private StreamStart() {
    }

    /**
     * A path not in the checkpoint, at the very first start (or new to the configuration): the rotated
     * copies present, up to the newest, are taken as read (they are never read), and the file is read
     * from {@code start}.
     */
    static void fresh(StreamFollower s, FollowerOptions.Start start) {
        takeAsRead(s, s.rotated().scan());
        s.rotated().look(); // what is there now is not new
        s.openCurrent(start);
    }

    /**
     * A file that appeared under a glob while following: rotated copies that are {@code history} (there
     * at the very first start) are taken as read; the others were rotated away before we saw the file
     * and are read whole, then the file from its beginning.
     */
    static void appeared(StreamFollower s, Predicate<Path> history) {
        RotatedFiles.Look look = s.rotated().look();
        List<RotatedFiles.Group> appeared = new ArrayList<>();
        for (RotatedFiles.Group g : look.all()) {
            if (g.twin) {
                continue;
            }
            boolean old = (g.plain == null || history.test(g.plain.path)) && (g.gzip == null || history.test(g.gzip.path));
            if (old) {
                s.done().add(g.preferred());
            } else {
                appeared.add(g);
            }
        }
        FileHead atPath = StreamFollower.headOf(s.active());
        for (RotatedFiles.Group g : appeared) {
            if (!g.preferred().head().sameStart(atPath)) {
                s.enqueueWhole(g.preferred());
            }
        }
        s.openCurrent(FollowerOptions.Start.BEGINNING);
    }

    /** A path from the checkpoint, with its entries: see the class comment. */
    static void restored(StreamFollower s, List<FilePosition> entries) throws IOException {
        int maxLine = s.options().lineMaxBytes();
        List<RotatedFiles.Group> groups = s.rotated().scan();
        Set<RotatedFiles.Group> claimed = new HashSet<>();
        BasicFileAttributes a = stat(s.active());
        LiveFile current = null;
        boolean newestAtPath = false;
        FilePosition resumed = null;
        for (FilePosition e : entries) {
            if (!e.isDone() && current == null && a != null && sameContent(s.active(), a, e)) {
                current = LiveFile.open(s.active(), a.fileKey(), maxLine);
                if (current != null) {
                    current.startAt(e.offset());
                    newestAtPath = true;
                    resumed = e;
                    continue;
                }
            }
            RotatedFiles.Located loc = RotatedFiles.claim(groups, e, claimed);
            if (loc == null && e.isDone()) {
                // Gone (kept, what was read last), or missed by a listing made while logrotate renames:
                // kept until the listings miss it for a while, so it is never taken for a new copy.
                s.done().add(e);
                continue;
            }
            if (loc == null) {
                if (e.headLength() == 0) {
                    if (e.offset() > 0) {
                        s.listener().notice(new FollowerNotice.Unrecognised(e.path(), e.offset()));
                    }
                } else if (e.unreadBytes() != 0) {
                    // Gone with bytes unread (or with a size an older checkpoint did not keep). A file read to
                    // its end that logrotate's rotate N deleted lost nothing: no warning.
                    s.listener().notice(new FollowerNotice.DataLost(e.path(), e.offset(), e.unreadBytes(),
                            "the file is neither at " + s.name() + " nor among its rotated copies"));
                }
                continue;
            }
            newestAtPath = false;
            if (e.isDone()) {
                s.done().add(e.at(loc.member().path.toString()));
                continue;
            }
            boolean sameFileAtPath = a != null && Objects.equals(String.valueOf(a.fileKey()), e.fileKey());
            s.listener().notice(new FollowerNotice.Rotated(s.name(),
                    sameFileAtPath ? RotationKind.TRUNCATE : RotationKind.RENAME, loc.member().path.toString()));
            s.enqueueCopy(loc.member(), e.offset());
        }
        // Still the same file at the path, recognised by a whole line at least: it did not rotate. When it
        // held less at the checkpoint, what was written to it since may have been copy-truncated away:
        // look for unknown rotated copies, as when it moved.
        FileHead atPath = a == null ? FileHead.EMPTY : FileHead.readContent(s.active());
        boolean unchanged = newestAtPath && atPath.distinctive(resumed.headLength());
        if (!unchanged) {
            for (RotatedFiles.Group g : groups) {
                // A copy of the file now at the path (a copy-truncate half done) is read as that file.
                if (!g.twin && claimed.add(g) && !g.preferred().head().sameStart(atPath)) {
                    s.enqueueCopy(g.preferred(), 0);
                }
            }
            if (current == null && a != null) {
                current = LiveFile.open(s.active(), a.fileKey(), maxLine);
                if (current != null) {
                    current.startAt(0);
                }
            }
        }
        if (current != null) {
            s.adopt(current);
        }
        if (!s.hasDoneOrBacklog()) {
            takeAsRead(s, groups); // none of them known, none read now: the file at the path did not rotate
        }
    }

    /**
     * The rotated copies in {@code groups} up to the newest recognisable one are taken as read: entries
     * of their own, so that a restart does not take them for rotations made while it was stopped. A copy
     * of the file at the path is not: it is that file (a copy-truncate half done), read from there.
     */
    private static void takeAsRead(StreamFollower s, List<RotatedFiles.Group> groups) {
        RotatedFiles.Group newest = RotatedFiles.newest(groups);
        if (newest == null) {
            return;
        }
        FileHead atPath = StreamFollower.headOf(s.active());
        for (RotatedFiles.Group g : groups) {
            if (!g.twin && !g.preferred().head().sameStart(atPath)) {
                s.done().add(g.preferred());
            }
            if (g == newest) {
                return;
            }
        }
    }

    /**
     * The entry's file is the one at the path: same head, at least as long, same identity unless the head
     * says so. An entry read past offset 0 without a head is never the file by identity alone (inodes are
     * reused: logrotate's {@code create} may get the inode of the archive it just compressed).
     */
    private static boolean sameContent(Path active, BasicFileAttributes a, FilePosition e) throws IOException {
        if (a.size() < e.offset() || a.size() < e.headLength() || e.headLength() == 0 && e.offset() > 0) {
            return false;
        }
        boolean sameKey = Objects.equals(String.valueOf(a.fileKey()), e.fileKey());
        FileHead head = FileHead.readContent(active);
        if (!sameKey && !head.distinctive(e.headLength())) {
            return false;
        }
        return head.matches(e.headLength(), e.headHash());
    }

    private static BasicFileAttributes stat(Path p) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() ? a : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
