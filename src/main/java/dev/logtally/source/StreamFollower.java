package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Follows one path across rotations: the file now at the path ({@code current}), a backlog of rotated
 * files still to be read to their end before it (in rotation order), and the rotated files already
 * read ({@code done}, kept so that they are recognised, and the newest one as the anchor that tells a
 * restart which rotated copies came after it).
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
    private final List<FilePosition> done = new ArrayList<>();
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
    }

    /**
     * A path not in the checkpoint: the newest rotated copy present is taken as already counted (older
     * ones are never read), and the file is read from {@code start}.
     */
    void startNew(FollowerOptions.Start start) {
        List<RotatedFiles.Group> groups = rotated.scan();
        if (!groups.isEmpty()) {
            RotatedFiles.Member m = groups.get(groups.size() - 1).preferred();
            FileHead h = m.head();
            done.add(new FilePosition(name, m.path.toString(), m.keyString(), FilePosition.DONE, h.length(), h.hash()));
        }
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

    /** A path from the checkpoint: see {@link StreamRestore}. */
    void restore(List<FilePosition> entries) {
        try {
            StreamRestore.into(this, entries);
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

    /** The file at the path is another one, or gone: keep reading the old one through its open channel. */
    private void rotatedAway(long now) {
        Path to = rotated.findByKey(current.key());
        listener.notice(new FollowerNotice.Rotated(name, to != null ? RotationKind.RENAME : RotationKind.RECREATE,
                to == null ? null : to.toString()));
        if (to != null) {
            current.renamedTo(to);
        }
        backlog.add(new DrainingFile(current, now, options.rotateWait().toMillis()));
        current = null;
    }

    /** Copy-truncate (or a rewrite in place): the unread rest is in the copy beside the file, if any. */
    private void truncated() throws IOException {
        long pos = current.offset();
        long knownEnd = current.lastKnownSize();
        RotatedFiles.Member copy = rotated.findCopy(current.head(), current.key());
        listener.notice(new FollowerNotice.Rotated(name, RotationKind.TRUNCATE, copy == null ? null : copy.path.toString()));
        boolean copyHasRest = copy != null && (copy.path.getFileName().toString().endsWith(".gz") || copy.size > pos);
        if (copyHasRest) {
            backlog.add(ArchiveFile.open(copy.path, pos, copy.head(), options.lineMaxBytes()));
        } else {
            if (copy != null) {
                FileHead h = copy.head();
                done.add(new FilePosition(name, copy.path.toString(), copy.keyString(), FilePosition.DONE, h.length(), h.hash()));
            }
            if (knownEnd > pos) {
                listener.notice(new FollowerNotice.DataLost(name, pos,
                        "truncated in place, and no copy beside it holds the rest (up to offset " + knownEnd + ")"));
            }
        }
        current.restartFromBeginning();
    }

    private void retire(Pending p) {
        p.close();
        FilePosition at = p.position(name);
        if (p.damage() != null) {
            listener.notice(new FollowerNotice.ArchiveDamaged(p.damage()));
        } else if (p.pendingBytes() > 0) {
            listener.notice(new FollowerNotice.PartialLineDropped(p.path().toString(), at.offset(), p.pendingBytes()));
        }
        done.add(at.asDone());
        pruneDone();
    }

    /** Keeps the newest done entry (the anchor) and older ones only while their file is still there. */
    private void pruneDone() {
        for (int i = done.size() - 2; i >= 0; i--) {
            FilePosition d = done.get(i);
            try {
                Object key = Files.readAttributes(Path.of(d.path()), BasicFileAttributes.class).fileKey();
                if (Objects.equals(String.valueOf(key), d.fileKey())) {
                    continue;
                }
            } catch (IOException gone) {
                // removed: nothing left to recognise
            }
            done.remove(i);
        }
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
        String keyString = key == null ? null : key.toString();
        FileHead head = null;
        for (FilePosition d : done) {
            if (keyString != null && keyString.equals(d.fileKey())) {
                head = headOf(file);
                if (head.matches(d.headLength(), d.headHash())) {
                    return true;
                }
            }
        }
        if (current != null && current.head().length() > 0 && rotated.isCandidate(file)) {
            head = head != null ? head : headOf(file);
            return head.startsWith(current.head());
        }
        return false;
    }

    private static FileHead headOf(Path file) {
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
        out.addAll(done);
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

    /** A glob's file that is gone, with nothing left to read or to recognise. */
    boolean prunable(long now) {
        return fromGlob && current == null && backlog.isEmpty() && done.isEmpty()
                && missingSince >= 0 && now - missingSince >= options.rotateWait().toMillis();
    }

    // --- for StreamRestore ---

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

    void remember(FilePosition doneEntry) {
        done.add(doneEntry);
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
