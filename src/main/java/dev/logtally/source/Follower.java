package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
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
 * <p>Single-threaded and driven by the caller: {@link #poll(LineSink)} reads what is new (at most
 * {@link FollowerOptions#maxBytesPerFile()} per file), never sleeps, and never throws for one file's
 * problem — it reports it to the {@link FollowerListener} and goes on with the others. Between two polls,
 * {@link #positions()} is consistent with the lines the sink has seen.
 *
 * <pre>{@code
 * try (Follower follower = new Follower(options, checkpoint.positions(), notice -> log.warn(notice.message()))) {
 *     while (running) {
 *         if (follower.poll(sink) == 0) sleeper.sleep(pollInterval);
 *         if (checkpointDue()) store.write(follower.positions(), aggregator.snapshot());
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
    private boolean started;
    private long lag;

    /**
     * @param options  what to follow
     * @param restored positions from the checkpoint; empty at the very first start (then
     *                 {@link FollowerOptions#start()} applies to the files found)
     * @param listener receives notices on the polling thread
     */
    public Follower(FollowerOptions options, List<FilePosition> restored, FollowerListener listener) {
        this.options = options;
        this.listener = listener;
        this.restored = List.copyOf(restored);
        for (String p : options.paths()) {
            patterns.add(PathPattern.of(p));
        }
        for (String r : options.rotated()) {
            rotatedGlobs.add(PathPattern.of(r));
        }
    }

    /**
     * Reads what is new in every followed file, delivering complete lines to {@code sink}.
     *
     * @return bytes read (0: nothing new; the caller may wait before the next poll)
     */
    public long poll(LineSink sink) {
        long now = options.clock().millis();
        if (!started) {
            started = true;
            start();
        } else {
            discover(FollowerOptions.Start.BEGINNING);
        }
        long n = 0;
        long lagNow = 0;
        for (StreamFollower s : streams.values()) {
            n += s.poll(sink, now);
            lagNow += s.lag();
        }
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

    /** Positions after the last line delivered, per file, oldest first within a path: what to checkpoint. */
    public List<FilePosition> positions() {
        if (!started) {
            return restored;
        }
        List<FilePosition> out = new ArrayList<>();
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

    private void start() {
        boolean firstStart = restored.isEmpty();
        Map<String, List<FilePosition>> byStream = new LinkedHashMap<>();
        for (FilePosition p : restored) {
            byStream.computeIfAbsent(p.stream(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<FilePosition>> e : byStream.entrySet()) {
            Path path = Path.of(e.getKey());
            PathPattern pattern = patternOf(path);
            if (pattern != null) {
                addStream(path, pattern.glob()).restore(e.getValue());
            }
        }
        FollowerOptions.Start start = firstStart ? options.start() : FollowerOptions.Start.BEGINNING;
        for (PathPattern p : patterns) {
            if (!p.glob() && !streams.containsKey(p.literal())) {
                addStream(p.literal(), false).startNew(start);
            }
        }
        discover(start);
    }

    private PathPattern patternOf(Path path) {
        for (PathPattern p : patterns) {
            if (p.matches(path)) {
                return p;
            }
        }
        return null;
    }

    /** New files under the globs become streams, unless they are files some stream already knows. */
    private void discover(FollowerOptions.Start start) {
        Set<Path> seen = new HashSet<>();
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
                if (known.containsKey(file) && Objects.equals(known.get(file), key)) {
                    continue;
                }
                if (claimed(file, key)) {
                    known.put(file, key);
                    continue;
                }
                known.remove(file);
                addStream(file, true).startNew(start);
            }
        }
        known.keySet().retainAll(seen);
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
