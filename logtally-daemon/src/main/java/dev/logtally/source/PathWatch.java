package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is at one followed path, and its trouble told to the listener once: a path that cannot be read
 * is reported when the reason changes, not at every poll; a missing file is reported at the first look,
 * or once it has been missing for the rotate wait (a rotation's gap between rename and re-creation is
 * not news).
 *
 * <pre>{@code
 * PathWatch watch = new PathWatch(path, options, listener);
 * watch.beginPoll();
 * BasicFileAttributes a = watch.stat();     // null: nothing, or not a regular file (reported)
 * watch.trackMissing(a == null, now);
 * watch.endPoll();                          // a poll without trouble clears the last problem
 * }</pre>
 */
final class PathWatch {
    private final Path active;
    private final String name;
    private final long rotateWaitMillis;
    private final FollowerListener listener;
    private boolean looked;
    private long missingSince = -1;
    private boolean missingReported;
    private String problem;
    private boolean troubled;

    PathWatch(Path active, FollowerOptions options, FollowerListener listener) {
        this.active = active;
        this.name = active.toString();
        this.rotateWaitMillis = options.rotateWait().toMillis();
        this.listener = listener;
    }

    /** The file at the path; null when nothing (or something other than a regular file, reported) is there. */
    BasicFileAttributes stat() throws IOException {
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

    /** Starts a poll: trouble is counted afresh. */
    void beginPoll() {
        troubled = false;
    }

    /** Ends a poll: one without trouble forgets the last problem, so that its return is told again. */
    void endPoll() {
        if (!troubled) {
            problem = null;
        }
    }

    /** Notes whether the path was found empty at this look, and reports a missing file when due. */
    void trackMissing(boolean missing, long now) {
        if (!missing) {
            missingSince = -1;
            missingReported = false;
        } else {
            if (missingSince < 0) {
                missingSince = now;
            }
            if (!missingReported && (!looked || now - missingSince >= rotateWaitMillis)) {
                missingReported = true;
                listener.notice(new FollowerNotice.FileMissing(name));
            }
        }
        looked = true;
    }

    /** True when the path has been empty for at least the rotate wait. */
    boolean missingPastWait(long now) {
        return missingSince >= 0 && now - missingSince >= rotateWaitMillis;
    }

    /** Reports that the path cannot be looked at or read (once per reason). */
    void report(IOException e) {
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
}
