package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows log files (paths or globs) across rotation and delivers every complete line once, with the
 * positions a checkpoint needs to resume exactly after the last line delivered — after a clean stop,
 * {@code kill -9} or a host crash, across Logback's rollover (rename to a {@code .tmp}, compress to
 * {@code .gz}), delete-and-recreate and copy-truncate.
 *
 * <h2>Why our own loop, not Commons IO {@code Tailer}</h2>
 * {@code Tailer} (2.22.0) cannot give these guarantees: it collects a line in an unbounded
 * {@code ByteArrayOutputStream} until a newline (a huge line without one exhausts the heap; we skip past
 * {@code line.max.bytes} without buffering); its listener never learns byte offsets, so a checkpoint
 * cannot name where to resume (and with {@code \r\n} or a lone {@code \r} ending a line they cannot even
 * be computed); it detects rotation only by the size shrinking, so it misses a rotation when the new file
 * outgrows the old offset before its next look, and dies when the file is missing for a moment (Logback's
 * rename gap); it writes byte by byte into a synchronized stream and makes a {@code String} per line
 * (we keep lines as byte views); and it sleeps with {@code Thread.sleep}, so tests would have to sleep.
 * {@code Tailer} stays in the benchmark as the baseline.
 *
 * <h2>How</h2>
 * A file is known by its identity ({@code fileKey}: device and inode) and its head (a hash of its first
 * bytes, up to 1 KiB), which recognise it renamed, compressed, truncated, or reused. Per followed path a
 * {@link StreamFollower} keeps the file at the path open, drains a rotated one through its open channel
 * (also for {@code rotate.wait} after its last growth, for late writes), and finishes moved files from
 * the rotated copies beside it ({@link FollowerOptions#rotated()}). A file that appears under a glob
 * with the identity of a file already followed, read or copied is that file, never a new one.
 *
 * <p>Rotations faster than the polls are caught up: rotated copies that appear and are none of the files
 * known (moved, compressed, copies of the current file) were rotated away unseen and are read whole, in
 * rotation order, before the file at the path. A restart does the same from the checkpoint's entries
 * (see {@link FilePosition}).
 *
 * <p>Single-threaded and driven by the caller: {@link #poll(LineSink)} reads what is new (at most
 * {@link FollowerOptions#maxBytesPerFile()} per file), never sleeps, and never throws for one file's
 * problem — it reports it to the {@link FollowerListener} and goes on with the others (an exception
 * thrown by the sink itself does propagate). Between two polls, {@link #positions()} is consistent with
 * the lines the sink has seen.
 *
 * <pre>{@code
 * Follower follower = checkpoint == null
 *         ? Follower.firstStart(options, notice -> log.warn(notice.message()))
 *         : Follower.resume(options, checkpoint.positions(), notice -> log.warn(notice.message()));
 * try (follower) {
 *     while (running) {
 *         if (follower.poll(sink) == 0) sleeper.sleep(pollInterval);
 *         if (checkpointDue()) store.save(Checkpoint.of(clock.millis(), namespace, follower.positions(), snapshot));
 *     }
 * }
 * }</pre>
 */
public final class Follower implements Closeable {
    private final FollowerOptions options;
    private final FollowerListener listener;
    private final List<FilePosition> restored;
    private final List<PathPattern> patterns = new ArrayList<>();
    private final List<PathPattern> rotatedGlobs = new ArrayList<>();
    private final Map<Path, StreamFollower> streams = new LinkedHashMap<>();
    /** Glob matches known to be files of a stream (renamed, read, copies), by identity. */
    private final Map<Path, Object> known = new HashMap<>();
    private final boolean firstStart;
    /** Configured paths and globs the checkpoint says were followed. */
    private final Set<String> wasFollowed = new HashSet<>();
    private boolean started;
    private boolean startedUp;
    /**
     * The files around the globs at the very first start (empty after a restart, when the checkpoint
     * says what was read): rotated copies there are taken as read when their path first appears later.
     */
    private Set<Path> history = Set.of();
    private long lag;

    private Follower(FollowerOptions options, List<FilePosition> restored, boolean firstStart, FollowerListener listener) {
        this.options = options;
        this.listener = listener;
        this.restored = List.copyOf(restored);
        this.firstStart = firstStart;
        for (String p : options.paths()) {
            patterns.add(PathPattern.of(p));
        }
        for (String r : options.rotated()) {
            rotatedGlobs.add(PathPattern.of(r));
        }
    }

    /**
     * The very first start, when no checkpoint exists: files found now are read from
     * {@link FollowerOptions#start()}, their rotated copies are taken as read.
     *
     * <p>Write a checkpoint of {@link #positions()} right away (before or after the first poll): until
     * one exists, a restart is a first start again, and lines rotated away meanwhile are not looked for.
     */
    public static Follower firstStart(FollowerOptions options, FollowerListener listener) {
        return new Follower(options, List.of(), true, listener);
    }

    /**
     * A restart from the positions of a checkpoint (possibly empty: nothing was there to follow). Files
     * the checkpoint knows resume after their last line counted, wherever they moved; files that
     * appeared meanwhile under a path the checkpoint followed are read from their beginning, rotated
     * copies included; files under a path new to the configuration are read from their beginning.
     */
    public static Follower resume(FollowerOptions options, List<FilePosition> positions, FollowerListener listener) {
        return new Follower(options, positions, false, listener);
    }

    /**
     * Reads what is new in every followed file, delivering complete lines to {@code sink}.
     *
     * @return bytes read (0: nothing new; the caller may wait before the next poll)
     */
    public long poll(LineSink sink) {
        long now = options.clock().millis();
        ensureStarted();
        long n = 0;
        long lagNow = 0;
        for (StreamFollower s : streams.values()) {
            n += s.poll(sink, now);
            lagNow += s.lag();
        }
        // After the streams looked at their paths: files they rotated or copied are theirs by now.
        discover();
        streams.values().removeIf(s -> {
            if (s.prunable(now)) {
                s.close();
                return true;
            }
            return false;
        });
        lag = lagNow;
        return n;
    }

    /**
     * Positions after the last line delivered, per file, oldest first within a path, after one
     * {@link FilePosition#followed(String)} entry per configured path: what to checkpoint.
     */
    public List<FilePosition> positions() {
        ensureStarted();
        List<FilePosition> out = new ArrayList<>();
        for (PathPattern p : patterns) {
            out.add(FilePosition.followed(p.spec()));
        }
        for (StreamFollower s : streams.values()) {
            s.positions(out);
        }
        return out;
    }

    /** Bytes in the followed files not read yet, as of the last poll ({@code logtally_lag_bytes}). */
    public long lagBytes() {
        return lag;
    }

    /** Files held open ({@code logtally_files_followed}). */
    public int filesOpen() {
        int n = 0;
        for (StreamFollower s : streams.values()) {
            n += s.filesOpen();
        }
        return n;
    }

    @Override
    public void close() {
        streams.values().forEach(StreamFollower::close);
        streams.clear();
    }

    /**
     * Finds the files and decides where each starts, once: at the first poll, or earlier when the
     * positions are asked for (a checkpoint written right after a first start holds where it began).
     */
    private void ensureStarted() {
        if (!started) {
            started = true;
            start();
        }
    }

    private void start() {
        Map<String, List<FilePosition>> byStream = new LinkedHashMap<>();
        for (FilePosition p : restored) {
            if (p.isMarker()) {
                wasFollowed.add(p.stream());
            } else {
                byStream.computeIfAbsent(p.stream(), k -> new ArrayList<>()).add(p);
            }
        }
        // Every path known before any is restored: none takes another's file for a rotated copy of its own.
        Map<Path, List<FilePosition>> toRestore = new LinkedHashMap<>();
        for (Map.Entry<String, List<FilePosition>> e : byStream.entrySet()) {
            Path path = Path.of(e.getKey());
            PathPattern pattern = patternOf(path);
            if (pattern != null) {
                addStream(path, pattern.glob());
                toRestore.put(path, e.getValue());
            }
        }
        List<PathPattern> fresh = new ArrayList<>();
        for (PathPattern p : patterns) {
            if (!p.glob() && !streams.containsKey(p.literal())) {
                addStream(p.literal(), false);
                fresh.add(p);
            }
        }
        toRestore.forEach((path, entries) -> streams.get(path).restore(entries));
        for (PathPattern p : fresh) {
            begin(p, streams.get(p.literal()));
        }
        discover();
    }

    /** A file (or path) the checkpoint does not know. */
    private void begin(PathPattern pattern, StreamFollower s) {
        if (firstStart) {
            s.startNew(options.start());
        } else if (wasFollowed.contains(pattern.spec())) {
            s.restore(List.of()); // appeared while we were stopped: all of it, rotated copies included
        } else {
            s.startNew(FollowerOptions.Start.BEGINNING);
        }
    }

    private PathPattern patternOf(Path path) {
        for (PathPattern p : patterns) {
            if (p.matches(path)) {
                return p;
            }
        }
        return null;
    }

    /**
     * New files under the globs become streams, unless they are files some stream already knows. Files
     * named like rotated copies of another new file go last, so that a copy (or a renamed file) seen
     * together with its original at the first look is recognised as such, not followed twice.
     */
    private void discover() {
        Set<Path> seen = new HashSet<>();
        Map<Path, PathPattern> fresh = new LinkedHashMap<>();
        Map<Path, Object> keys = new HashMap<>();
        for (PathPattern pattern : patterns) {
            if (!pattern.glob()) {
                continue;
            }
            for (Path file : pattern.expand()) {
                if (streams.containsKey(file) || file.getFileName().toString().endsWith(".gz")) {
                    continue;
                }
                seen.add(file);
                Object key;
                try {
                    key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                } catch (IOException e) {
                    continue;
                }
                if (!(known.containsKey(file) && Objects.equals(known.get(file), key))) {
                    fresh.putIfAbsent(file, pattern);
                    keys.put(file, key);
                }
            }
        }
        if (!startedUp && firstStart) {
            // Files there at the very first start are history; everything that appears later is new.
            // (Listed before any stream is added here; a restart has the checkpoint instead, and lists nothing.)
            history = listing(seen);
        }
        List<Path> later = new ArrayList<>();
        for (Path file : fresh.keySet()) {
            if (looksRotatedFromAnother(file, fresh.keySet())) {
                later.add(file);
            } else {
                consider(file, fresh.get(file), keys.get(file));
            }
        }
        for (Path file : later) {
            consider(file, fresh.get(file), keys.get(file));
        }
        startedUp = true;
        known.keySet().retainAll(seen);
    }

    /** Every file in the directories of {@code matches}, and under the rotated globs. */
    private Set<Path> listing(Set<Path> matches) {
        Set<Path> out = new HashSet<>();
        Set<Path> dirs = new HashSet<>();
        for (Path m : matches) {
            dirs.add(m.getParent());
        }
        for (StreamFollower s : streams.values()) {
            dirs.add(s.active().getParent());
        }
        for (Path d : dirs) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                entries.forEach(out::add);
            } catch (IOException e) {
                // gone or unreadable: nothing listed there
            }
        }
        for (PathPattern r : rotatedGlobs) {
            out.addAll(r.expand());
        }
        return out;
    }

    private void consider(Path file, PathPattern pattern, Object key) {
        if (claimed(file, key)) {
            known.put(file, key);
            return;
        }
        known.remove(file);
        if (startedUp) {
            // Appeared while following: read from its beginning, with its rotated copies that were not
            // there at the first start (it may have rotated before we saw it).
            addStream(file, true).startAppeared(history::contains);
        } else {
            begin(pattern, addStream(file, true));
        }
    }

    private boolean looksRotatedFromAnother(Path file, Set<Path> others) {
        for (Path other : others) {
            if (!other.equals(file) && new RotatedFiles(other, rotatedGlobs, p -> false).isCandidate(file)) {
                return true;
            }
        }
        return false;
    }

    private boolean claimed(Path file, Object key) {
        for (StreamFollower s : streams.values()) {
            if (s.claims(file, key)) {
                return true;
            }
        }
        return false;
    }

    private StreamFollower addStream(Path path, boolean fromGlob) {
        RotatedFiles rotated = new RotatedFiles(path, rotatedGlobs, streams::containsKey);
        StreamFollower s = new StreamFollower(path, fromGlob, rotated, options, listener);
        streams.put(path, s);
        return s;
    }

    /** For tests: the followed paths. */
    Set<Path> followedPaths() {
        return streams.keySet();
    }
}
