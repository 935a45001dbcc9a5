package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows one path across rotations: decides, at each look, what happened to the file at the path and
 * hands the files to read to its {@link StreamFiles} (the file now at the path, a backlog of rotated
 * files still to be read to their end before it, and the rotated files already read or taken as read,
 * kept while they exist so that they are recognised: a restart reads every other rotated copy as one
 * that came while it was stopped). Trouble at the path is told through its {@link PathWatch}.
 *
 * <p>Each poll looks at the path once: another identity (or none) means the file was rotated away — it
 * goes to the backlog, still open; the same identity cut below what was read, or with another head,
 * means a truncation — the unread rest is taken from the copy beside it. Then the backlog is read in
 * order, then the current file, each at most {@code maxBytesPerFile} per poll.
 *
 * <pre>{@code
 * StreamFollower s = new StreamFollower(path, false, rotated, options, listener);
 * s.startNew(FollowerOptions.Start.BEGINNING);
 * long bytes = s.poll(sink, clock.millis());
 * s.positions(checkpointEntries);
 * }</pre>
 */
final class StreamFollower implements Closeable {
    /** Least time a file read to its end must be missing from the listings before it is forgotten. */
    private static final long MIN_PRUNE_GRACE_MILLIS = 1000;
    private final Path active;
    private final String name;
    private final boolean fromGlob;
    private final RotatedFiles rotated;
    private final FollowerOptions options;
    private final FollowerListener listener;
    private final StreamFiles files;
    private final PathWatch watch;

    StreamFollower(Path active, boolean fromGlob, RotatedFiles rotated, FollowerOptions options, FollowerListener listener) {
        this.active = active;
        this.name = active.toString();
        this.fromGlob = fromGlob;
        this.rotated = rotated;
        this.options = options;
        this.listener = listener;
        this.files = new StreamFiles(name, listener);
        this.watch = new PathWatch(active, options, listener);
    }

    /** A path not in the checkpoint, at the first start: see {@link StreamStart#fresh}. */
    void startNew(FollowerOptions.Start start) {
        StreamStart.fresh(this, start);
    }

    /** A file that appeared under a glob while following: see {@link StreamStart#appeared}. */
    void startAppeared(Predicate<Path> history) {
        StreamStart.appeared(this, history);
    }

    /** A path from the checkpoint: see {@link StreamStart#restored}. */
    void restore(List<FilePosition> entries) {
        try {
            StreamStart.restored(this, entries);
        } catch (IOException e) {
            watch.report(e);
        }
        rotated.look(); // what is there now was dealt with
    }

    /** Opens the file at the path, if any, to read from {@code start}. */
    void openCurrent(FollowerOptions.Start start) {
        try {
            BasicFileAttributes a = watch.stat();
            if (a != null) {
                openAtPath(a, start);
            }
        } catch (IOException e) {
            watch.report(e);
        }
    }

    /** Makes the file {@code a} at the path the current file, unless the name moved meanwhile. */
    private void openAtPath(BasicFileAttributes a, FollowerOptions.Start start) throws IOException {
        LiveFile f = LiveFile.open(active, a.fileKey(), options.lineMaxBytes());
        if (f != null) {
            if (start == FollowerOptions.Start.END) {
                f.startAtEnd(options.lineMaxBytes());
            } else {
                f.startAt(0);
            }
            files.setCurrent(f);
        }
    }

    /** Reads what is new; reports (once) and returns 0 when the path cannot be looked at or read. */
    long poll(LineSink sink, long now) {
        watch.beginPoll();
        try {
            lookAtPath(now);
            return files.read(sink, options.maxBytesPerFile(), now);
        } catch (IOException e) {
            watch.report(e);
            return 0;
        } finally {
            watch.endPoll();
        }
    }

    private void lookAtPath(long now) throws IOException {
        BasicFileAttributes a = watch.stat();
        LiveFile current = files.current();
        if (current != null) {
            if (a == null || !current.hasKey(a.fileKey())) {
                rotatedAway(current, now);
            } else if (current.truncated(a.size())) {
                truncated(current);
            }
        }
        if (files.current() == null && a != null) {
            openAtPath(a, FollowerOptions.Start.BEGINNING);
        }
        watch.trackMissing(a == null, now);
        RotatedFiles.Look look = rotated.look();
        if (!look.added().isEmpty()) {
            catchUp(look);
        }
        if (look.changed()) {
            files.done().prune(look.all(), now, Math.max(options.rotateWait().toMillis(), MIN_PRUNE_GRACE_MILLIS));
        }
    }

    /**
     * The file at the path is another one, or gone: keep reading the old one through its open channel.
     */
    private void rotatedAway(LiveFile current, long now) throws IOException {
        if (current.truncated(current.sizeNow())) {
            // Copy-truncated, written again, then renamed, all between two looks: first the truncation.
            truncated(current);
        }
        List<RotatedFiles.Group> groups = rotated.scan();
        Set<RotatedFiles.Group> claimed = files.known(groups, false);
        RotatedFiles.Located old = RotatedFiles.locate(groups, current.position(name).asDone(), claimed);
        Path to = old == null ? null : old.member().path;
        boolean renamed = old != null && !old.compressed();
        listener.notice(new FollowerNotice.Rotated(name, to != null ? RotationKind.RENAME : RotationKind.RECREATE,
                to == null ? null : to.toString()));
        if (renamed) {
            current.renamedTo(to);
        }
        files.enqueue(new DrainingFile(current, now, options.rotateWait().toMillis()));
        files.setCurrent(null);
    }

    /**
     * New rotated copies appeared: those that are not files this stream knows (moved or compressed),
     * nor copies of its current file (a copy-truncate half done), were rotated away before we saw them —
     * several rotations between two looks, content written and copy-truncated between two looks — and
     * are read whole, before the current file.
     */
    private void catchUp(RotatedFiles.Look look) {
        Set<RotatedFiles.Group> claimed = files.known(look.all(), true);
        FileHead atPath = headOf(active);
        LiveFile current = files.current();
        FileHead read = current == null ? FileHead.EMPTY : current.head();
        for (RotatedFiles.Group g : look.added()) {
            FileHead h = g.preferred().head();
            // A copy of what is at the path, or of what we read there (the truncation may have come
            // between our look at the path and this listing): the truncation's copy, found then.
            if (claimed.add(g) && !h.sameStart(atPath) && !h.sameStart(read)) {
                enqueueWhole(g.preferred());
            }
        }
    }

    /** A rotated copy we never saw the content of: read whole. */
    void enqueueWhole(RotatedFiles.Member m) {
        listener.notice(new FollowerNotice.Rotated(name, RotationKind.RENAME, m.path.toString()));
        enqueueCopy(m, 0);
    }

    /** Reads rotated copy {@code m} from {@code offset} before the current file; one that cannot be opened is lost. */
    void enqueueCopy(RotatedFiles.Member m, long offset) {
        try {
            files.enqueue(ArchiveFile.open(m.path, offset, m.head(), options.lineMaxBytes()));
        } catch (IOException e) {
            RotatedFiles.Member twin = compressedTwin(m);
            if (twin != null) {
                try {
                    files.enqueue(ArchiveFile.open(twin.path, offset, twin.head(), options.lineMaxBytes()));
                    return;
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            listener.notice(new FollowerNotice.DataLost(m.path.toString(), offset, Math.max(-1, m.size - offset),
                    "cannot open it: " + e));
        }
    }

    /**
     * The {@code .gz} that now holds plain copy {@code m} (logrotate's {@code compress} and Logback both
     * compress, then delete the plain file, possibly between our listing and our open), or null.
     */
    private RotatedFiles.Member compressedTwin(RotatedFiles.Member m) {
        if (Rotations.compressed(m.path)) {
            return null;
        }
        String key = Rotations.key(m.path);
        for (RotatedFiles.Group g : rotated.scan()) {
            if (g.gzip != null && key.equals(Rotations.key(g.gzip.path)) && g.gzip.head().startsWith(m.head())
                    && m.head().distinctive(m.head().length())) {
                return g.gzip;
            }
        }
        return null;
    }

    /**
     * Copy-truncate (or a rewrite in place): the unread rest is in the newest copy beside the file whose
     * content starts like it, if any; rotated files after that copy were not seen and are read whole.
     */
    private void truncated(LiveFile current) throws IOException {
        long pos = current.offset();
        long knownEnd = current.lastKnownSize();
        List<RotatedFiles.Group> groups = rotated.scan();
        Set<RotatedFiles.Group> claimed = files.known(groups, false);
        RotatedFiles.Located copy = RotatedFiles.findCopy(groups, current.head(), current.key(), claimed);
        listener.notice(new FollowerNotice.Rotated(name, RotationKind.TRUNCATE, copy == null ? null : copy.member().path.toString()));
        if (copy != null) {
            RotatedFiles.Member m = copy.member();
            if (copy.compressed() || m.size > pos) {
                files.enqueue(ArchiveFile.open(m.path, pos, m.head(), options.lineMaxBytes()));
            } else {
                files.done().add(m);
            }
        }
        long lostFrom = copy == null ? pos : copy.compressed() ? Long.MAX_VALUE : Math.max(pos, copy.member().size);
        if (knownEnd > lostFrom) {
            listener.notice(new FollowerNotice.DataLost(name, lostFrom, knownEnd - lostFrom,
                    "truncated in place, and no copy beside it holds the rest (up to offset " + knownEnd + ")"));
        }
        current.restartFromBeginning();
    }

    /**
     * True when {@code file} (identity {@code key}), seen under a followed glob, is a file this stream
     * already knows: its current or a rotated file (then renamed), a rotated file already read, or a copy
     * of its current file.
     */
    boolean claims(Path file, Object key) {
        FileHead[] head = {null};
        Supplier<FileHead> lazyHead = () -> head[0] != null ? head[0] : (head[0] = headOf(file));
        if (files.owns(file, key, lazyHead)) {
            return true;
        }
        if (rotated.isCandidate(file)) {
            // A copy of the current file, or of the file now at the path (not looked at yet).
            FileHead h = lazyHead.get();
            LiveFile current = files.current();
            return current != null && h.sameStart(current.head()) || h.sameStart(headOf(active));
        }
        return false;
    }

    static FileHead headOf(Path file) {
        try {
            return FileHead.readContent(file);
        } catch (IOException e) {
            return FileHead.EMPTY;
        }
    }

    void positions(List<FilePosition> out) {
        files.positions(out);
    }

    long lag() {
        return files.lag();
    }

    int filesOpen() {
        return files.filesOpen();
    }

    /**
     * A glob's file that is gone for good: nothing left to read, and no file of its own left on disk
     * (rotated copies, or its compressed twin) that another path could take for one of its rotations.
     */
    boolean prunable(long now) {
        if (!fromGlob || !files.idle() || !watch.missingPastWait(now)) {
            return false;
        }
        return rotated.scan().isEmpty();
    }

    // --- for StreamStart ---

    Path active() {
        return active;
    }

    String name() {
        return name;
    }

    RotatedFiles rotated() {
        return rotated;
    }

    FollowerOptions options() {
        return options;
    }

    FollowerListener listener() {
        return listener;
    }

    void adopt(LiveFile file) {
        files.setCurrent(file);
    }

    DoneFiles done() {
        return files.done();
    }

    boolean hasDoneOrBacklog() {
        return files.hasDoneOrBacklog();
    }

    @Override
    public void close() {
        files.close();
    }
}
