package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows one path across rotations: the file now at the path ({@code current}), a backlog of rotated
 * files still to be read to their end before it (in rotation order), and the rotated files already
 * read or taken as read ({@code done}, kept while they exist so that they are recognised: a restart
 * reads every other rotated copy as one that came while it was stopped).
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
    private final Path active;
    private final String name;
    private final boolean fromGlob;
    private final RotatedFiles rotated;
    private final FollowerOptions options;
    private final FollowerListener listener;
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    private final DoneFiles done;
    private LiveFile current;
    private boolean looked;
    private long missingSince = -1;
    private boolean missingReported;
    private String problem;
    private boolean troubled;

    StreamFollower(Path active, boolean fromGlob, RotatedFiles rotated, FollowerOptions options, FollowerListener listener) {
        this.active = active;
        this.name = active.toString();
        this.fromGlob = fromGlob;
        this.rotated = rotated;
        this.options = options;
        this.listener = listener;
        this.done = new DoneFiles(name);
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
            report(e);
        }
        rotated.look(); // what is there now was dealt with
    }

    /** Opens the file at the path, if any, to read from {@code start}. */
    void openCurrent(FollowerOptions.Start start) {
        try {
            BasicFileAttributes a = statActive();
            if (a != null) {
                LiveFile f = LiveFile.open(active, a.fileKey(), options.lineMaxBytes());
                if (f != null) {
                    if (start == FollowerOptions.Start.END) {
                        f.startAtEnd(options.lineMaxBytes());
                    } else {
                        f.startAt(0);
                    }
                    current = f;
                }
            }
        } catch (IOException e) {
            report(e);
        }
    }

    /** Reads what is new; reports (once) and returns 0 when the path cannot be looked at or read. */
    long poll(LineSink sink, long now) {
        troubled = false;
        try {
            return pollFiles(sink, now);
        } catch (IOException e) {
            report(e);
            return 0;
        } finally {
            if (!troubled) {
                problem = null;
            }
        }
    }

    private long pollFiles(LineSink sink, long now) throws IOException {
        lookAtPath(now);
        int budget = options.maxBytesPerFile();
        long n = 0;
        Iterator<Pending> it = backlog.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            n += p.read(sink, budget, now);
            if (!p.caughtUp()) {
                return n; // the rest next time: nothing newer is read before it
            }
            if (p.finished(now)) {
                it.remove();
                retire(p);
            }
        }
        if (current != null) {
            n += current.read(sink, budget, now);
        }
        return n;
    }

    private void lookAtPath(long now) throws IOException {
        BasicFileAttributes a = statActive();
        if (current != null) {
            if (a == null || !current.hasKey(a.fileKey())) {
                rotatedAway(now);
            } else if (current.truncated(a.size())) {
                truncated();
            }
        }
        if (current == null && a != null) {
            LiveFile f = LiveFile.open(active, a.fileKey(), options.lineMaxBytes());
            if (f != null) {
                f.startAt(0);
                current = f;
            }
        }
        trackMissing(a == null, now);
        RotatedFiles.Look look = rotated.look();
        if (!look.added().isEmpty()) {
            catchUp(look);
        }
        if (look.changed()) {
            done.prune(look.all());
        }
    }

    private void trackMissing(boolean missing, long now) {
        if (!missing) {
            missingSince = -1;
            missingReported = false;
        } else {
            if (missingSince < 0) {
                missingSince = now;
            }
            if (!missingReported && (!looked || now - missingSince >= options.rotateWait().toMillis())) {
                missingReported = true;
                listener.notice(new FollowerNotice.FileMissing(name));
            }
        }
        looked = true;
    }

    /**
     * The file at the path is another one, or gone: keep reading the old one through its open channel.
     */
    private void rotatedAway(long now) throws IOException {
        if (current.truncated(current.sizeNow())) {
            // Copy-truncated, written again, then renamed, all between two looks: first the truncation.
            truncated();
        }
        List<RotatedFiles.Group> groups = rotated.scan();
        Set<RotatedFiles.Group> claimed = new HashSet<>();
        locateKnown(groups, claimed, false);
        RotatedFiles.Located old = RotatedFiles.locate(groups, current.position(name).asDone(), claimed);
        Path to = old == null ? null : old.member().path;
        boolean renamed = to != null && !to.getFileName().toString().endsWith(".gz");
        listener.notice(new FollowerNotice.Rotated(name, to != null ? RotationKind.RENAME : RotationKind.RECREATE,
                to == null ? null : to.toString()));
        if (renamed) {
            current.renamedTo(to);
        }
        backlog.add(new DrainingFile(current, now, options.rotateWait().toMillis()));
        current = null;
    }

    /**
     * New rotated copies appeared: those that are not files this stream knows (moved or compressed),
     * nor copies of its current file (a copy-truncate half done), were rotated away before we saw them —
     * several rotations between two looks, content written and copy-truncated between two looks — and
     * are read whole, before the current file.
     */
    private void catchUp(RotatedFiles.Look look) {
        Set<RotatedFiles.Group> claimed = new HashSet<>();
        locateKnown(look.all(), claimed, true);
        FileHead atPath = headOf(active);
        for (RotatedFiles.Group g : look.added()) {
            if (claimed.add(g) && !g.preferred().head().sameStart(atPath)) {
                enqueueWhole(g.preferred());
            }
        }
    }

    /** A rotated copy we never saw the content of: read whole. */
    void enqueueWhole(RotatedFiles.Member m) {
        listener.notice(new FollowerNotice.Rotated(name, RotationKind.RENAME, m.path.toString()));
        try {
            backlog.add(ArchiveFile.open(m.path, 0, m.head(), options.lineMaxBytes()));
        } catch (IOException e) {
            listener.notice(new FollowerNotice.DataLost(m.path.toString(), 0, "cannot open it: " + e));
        }
    }

    /**
     * Copy-truncate (or a rewrite in place): the unread rest is in the newest copy beside the file whose
     * content starts like it, if any; rotated files after that copy were not seen and are read whole.
     */
    private void truncated() throws IOException {
        long pos = current.offset();
        long knownEnd = current.lastKnownSize();
        List<RotatedFiles.Group> groups = rotated.scan();
        Set<RotatedFiles.Group> claimed = new HashSet<>();
        locateKnown(groups, claimed, false);
        RotatedFiles.Located copy = RotatedFiles.findCopy(groups, current.head(), current.key(), claimed);
        listener.notice(new FollowerNotice.Rotated(name, RotationKind.TRUNCATE, copy == null ? null : copy.member().path.toString()));
        if (copy != null) {
            RotatedFiles.Member m = copy.member();
            if (m.path.getFileName().toString().endsWith(".gz") || m.size > pos) {
                backlog.add(ArchiveFile.open(m.path, pos, m.head(), options.lineMaxBytes()));
            } else {
                done.add(m);
            }
        }
        long lostFrom = copy == null ? pos
                : copy.member().path.getFileName().toString().endsWith(".gz") ? Long.MAX_VALUE : Math.max(pos, copy.member().size);
        if (knownEnd > lostFrom) {
            listener.notice(new FollowerNotice.DataLost(name, lostFrom,
                    "truncated in place, and no copy beside it holds the rest (up to offset " + knownEnd + ")"));
        }
        current.restartFromBeginning();
    }

    /**
     * Finds the files this stream knows (done, being read, and copies of the current one if asked)
     * among {@code groups}, claiming their groups.
     */
    private void locateKnown(List<RotatedFiles.Group> groups, Set<RotatedFiles.Group> claimed, boolean withCurrent) {
        done.claim(groups, claimed);
        List<FilePosition> known = new ArrayList<>();
        for (Pending p : backlog) {
            known.add(p.position(name).asDone());
        }
        if (withCurrent && current != null) {
            known.add(current.position(name).asDone());
        }
        for (FilePosition e : known) {
            RotatedFiles.Located loc = RotatedFiles.locate(groups, e, claimed);
            if (loc != null) {
                claimed.add(loc.group());
            }
        }
    }

    private void retire(Pending p) {
        p.close();
        FilePosition at = p.position(name);
        if (p.damage() != null) {
            listener.notice(new FollowerNotice.ArchiveDamaged(p.damage()));
        } else if (p.pendingBytes() > 0) {
            listener.notice(new FollowerNotice.PartialLineDropped(p.path().toString(), at.offset(), p.pendingBytes()));
        }
        done.add(at);
    }

    /**
     * True when {@code file} (identity {@code key}), seen under a followed glob, is a file this stream
     * already knows: its current or a rotated file (then renamed), a rotated file already read, or a copy
     * of its current file.
     */
    boolean claims(Path file, Object key) {
        if (key != null && current != null && current.hasKey(key)) {
            return true;
        }
        for (Pending p : backlog) {
            if (p.hasKey(key)) {
                p.renamedTo(file);
                return true;
            }
        }
        FileHead[] head = {null};
        Supplier<FileHead> lazyHead = () -> head[0] != null ? head[0] : (head[0] = headOf(file));
        if (done.contains(file, key, lazyHead)) {
            return true;
        }
        if (rotated.isCandidate(file)) {
            // A copy of the current file, or of the file now at the path (not looked at yet).
            FileHead h = lazyHead.get();
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

    /** Null when nothing (or something other than a regular file) is at the path. */
    private BasicFileAttributes statActive() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(active, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                reportProblem("not a regular file");
                return null;
            }
            return a;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void report(IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        reportProblem(reason);
    }

    private void reportProblem(String reason) {
        troubled = true;
        if (!reason.equals(problem)) {
            problem = reason;
            listener.notice(new FollowerNotice.Unreadable(name, reason));
        }
    }

    void positions(List<FilePosition> out) {
        out.addAll(done.entries());
        for (Pending p : backlog) {
            out.add(p.position(name));
        }
        if (current != null) {
            out.add(current.position(name));
        }
    }

    long lag() {
        long lag = current == null ? 0 : current.lag();
        for (Pending p : backlog) {
            lag += p.lag();
        }
        return lag;
    }

    int filesOpen() {
        return backlog.size() + (current == null ? 0 : 1);
    }

    /**
     * A glob's file that is gone for good: nothing left to read, and no file of its own left on disk
     * (rotated copies, or its compressed twin) that another path could take for one of its rotations.
     */
    boolean prunable(long now) {
        if (!fromGlob || current != null || !backlog.isEmpty() || missingSince < 0
                || now - missingSince < options.rotateWait().toMillis()) {
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
        current = file;
    }

    void enqueue(Pending p) {
        backlog.add(p);
    }

    DoneFiles done() {
        return done;
    }

    boolean hasDoneOrBacklog() {
        return !done.isEmpty() || !backlog.isEmpty();
    }

    @Override
    public void close() {
        backlog.forEach(Pending::close);
        backlog.clear();
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
