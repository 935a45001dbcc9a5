package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The files of one followed path, and reading them in order: the rotated files still to be read to
 * their end ({@code backlog}, in rotation order), then the file now at the path ({@code current}); the
 * rotated files read to their end go to {@link DoneFiles}. Knows which files are its own; deciding
 * what a rotation did is {@link StreamFollower}'s job.
 *
 * <pre>{@code
 * StreamFiles files = new StreamFiles("/var/log/app/app.log", listener);
 * files.setCurrent(liveFile);
 * long bytes = files.read(sink, options.maxBytesPerFile(), clock.millis());
 * files.positions(checkpointEntries);
 * }</pre>
 */
final class StreamFiles {
    private final String name;
    private final FollowerListener listener;
    private final ArrayDeque<Pending> backlog = new ArrayDeque<>();
    private final DoneFiles done;
    private LiveFile current;

    StreamFiles(String name, FollowerListener listener) {
        this.name = name;
        this.listener = listener;
        this.done = new DoneFiles(name);
    }

    /** The file at the path, or null. */
    LiveFile current() {
        return current;
    }

    void setCurrent(LiveFile file) {
        current = file;
    }

    /** Reads {@code p} to its end before anything newer. */
    void enqueue(Pending p) {
        backlog.add(p);
    }

    DoneFiles done() {
        return done;
    }

    boolean hasDoneOrBacklog() {
        return !done.isEmpty() || !backlog.isEmpty();
    }

    /** True when nothing is open: no current file and no backlog. */
    boolean idle() {
        return current == null && backlog.isEmpty();
    }

    /**
     * Reads the backlog in order, then the current file, each at most {@code budget} bytes; a rotated file
     * not read to its end stops the poll (nothing newer is read before it), one finished is retired.
     */
    long read(LineSink sink, int budget, long now) throws IOException {
        long n = 0;
        Iterator<Pending> it = backlog.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            n += p.read(sink, budget, now);
            if (!p.caughtUp()) {
                return n; // the rest next time: nothing newer is read before it
            }
            if (p.finished(now)) {
                p.flush(sink);
                it.remove();
                retire(p);
            }
        }
        if (current != null) {
            n += current.read(sink, budget, now);
        }
        return n;
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
     * The groups of {@code groups} that hold the files this stream knows (done, being read, and the
     * current one if asked): a new set, for the caller to claim more in.
     */
    Set<RotatedFiles.Group> known(List<RotatedFiles.Group> groups, boolean withCurrent) {
        Set<RotatedFiles.Group> claimed = new HashSet<>();
        done.claim(groups, claimed);
        for (Pending p : backlog) {
            RotatedFiles.claim(groups, p.position(name).asDone(), claimed);
        }
        if (withCurrent && current != null) {
            RotatedFiles.claim(groups, current.position(name).asDone(), claimed);
        }
        return claimed;
    }

    /**
     * True when {@code file} (identity {@code key}) is one of these files: the current one, one being
     * read (then it was renamed to {@code file}), or one read to its end.
     */
    boolean owns(Path file, Object key, Supplier<FileHead> head) {
        if (key != null && current != null && current.hasKey(key)) {
            return true;
        }
        for (Pending p : backlog) {
            if (p.hasKey(key)) {
                p.renamedTo(file);
                return true;
            }
        }
        return done.contains(file, key, head);
    }

    /** Where each file stands, for a checkpoint: done, then the backlog, then the current file. */
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

    void close() {
        backlog.forEach(Pending::close);
        backlog.clear();
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
