package dev.logtally.source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Follower} follows and how; built once from the validated configuration.
 *
 * <pre>{@code
 * FollowerOptions options = FollowerOptions.of(List.of("/var/log/app/*.log"))
 *         .withRotateWait(Duration.ofSeconds(5))
 *         .withStart(FollowerOptions.Start.END);
 * }</pre>
 *
 * @param paths          files or globs to follow ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}, {@code **})
 * @param rotated        globs where rotated copies may sit; empty for the default: files in the followed
 *                       file's directory whose names start with its stem and a dot ({@code app.*} for
 *                       {@code app.log}). Either way only names starting with the stem count.
 * @param lineMaxBytes   longer lines are skipped without being buffered ({@code line.max.bytes})
 * @param rotateWait     how long a rotated file is still read for late writes ({@code rotate.wait})
 * @param start          where to start in files found at the very first start (no checkpoint)
 * @param maxBytesPerFile bytes read from one file in one {@link Follower#poll(LineSink)} at most, so that
 *                       the caller can checkpoint between polls while catching up
 * @param clock          time for {@code rotate.wait}; tests pass a settable clock
 */
public record FollowerOptions(List<String> paths, List<String> rotated, int lineMaxBytes, Duration rotateWait,
                              Start start, int maxBytesPerFile, Clock clock) {

    /** Where reading starts in a file found at the very first start. */
    public enum Start { BEGINNING, END }

    public static final int DEFAULT_LINE_MAX_BYTES = 1 << 20;
    public static final Duration DEFAULT_ROTATE_WAIT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_BYTES_PER_FILE = 4 << 20;

    public FollowerOptions {
        paths = List.copyOf(paths);
        rotated = List.copyOf(rotated);
        Objects.requireNonNull(rotateWait, "rotateWait");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(clock, "clock");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no path to follow");
        }
        if (lineMaxBytes < 1) {
            throw new IllegalArgumentException("line.max.bytes must be at least 1, got " + lineMaxBytes);
        }
        if (rotateWait.isNegative()) {
            throw new IllegalArgumentException("rotate.wait must not be negative, got " + rotateWait);
        }
        if (maxBytesPerFile < 1) {
            throw new IllegalArgumentException("maxBytesPerFile must be at least 1, got " + maxBytesPerFile);
        }
    }

    /** Defaults for everything but the paths: 1 MiB lines, 5 s rotate wait, start at the beginning, 4 MiB per poll. */
    public static FollowerOptions of(List<String> paths) {
        return new FollowerOptions(paths, List.of(), DEFAULT_LINE_MAX_BYTES, DEFAULT_ROTATE_WAIT, Start.BEGINNING,
                DEFAULT_MAX_BYTES_PER_FILE, Clock.systemUTC());
    }

    public FollowerOptions withRotated(List<String> globs) {
        return new FollowerOptions(paths, globs, lineMaxBytes, rotateWait, start, maxBytesPerFile, clock);
    }

    public FollowerOptions withLineMaxBytes(int bytes) {
        return new FollowerOptions(paths, rotated, bytes, rotateWait, start, maxBytesPerFile, clock);
    }

    public FollowerOptions withRotateWait(Duration wait) {
        return new FollowerOptions(paths, rotated, lineMaxBytes, wait, start, maxBytesPerFile, clock);
    }

    public FollowerOptions withStart(Start where) {
        return new FollowerOptions(paths, rotated, lineMaxBytes, rotateWait, where, maxBytesPerFile, clock);
    }

    public FollowerOptions withMaxBytesPerFile(int bytes) {
        return new FollowerOptions(paths, rotated, lineMaxBytes, rotateWait, start, bytes, clock);
    }

    public FollowerOptions withClock(Clock c) {
        return new FollowerOptions(paths, rotated, lineMaxBytes, rotateWait, start, maxBytesPerFile, c);
    }
}
