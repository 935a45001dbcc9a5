package dev.logtally.source;

/**
 * Where reading of one file stands: what the checkpoint stores per file so that a restart resumes after
 * the last complete line counted, even if the file was renamed, compressed or replaced meanwhile.
 *
 * <p>A followed path may have several entries, oldest first: rotated files already read to their end
 * ({@link #isDone()}: kept so that a restart knows which rotated copies were counted and which came
 * after), rotated files still being read, and the file currently at the path.
 *
 * <pre>{@code
 * List<FilePosition> positions = follower.positions();    // between two polls
 * store.save(Checkpoint.of(clock.millis(), namespace, positions, snapshot));
 * Follower resumed = Follower.resume(options, store.load().orElseThrow().positions(), listener);
 * }</pre>
 *
 * @param stream     the followed (active) path this file belongs to, e.g. {@code /var/log/app/app.log}
 * @param path       where the file was last seen (the active path, or a rotated name)
 * @param fileKey    the file's identity ({@code BasicFileAttributes.fileKey()}, e.g. {@code (dev=803,ino=1234)}),
 *                   or null when unknown
 * @param offset     byte offset just after the last complete line counted; {@link #DONE} for a file read to its end
 * @param headLength how many leading bytes {@link #headHash()} covers: the file's first bytes, at most 1 KiB
 *                   (0 only for an empty file)
 * @param headHash   hex hash of the first {@code headLength} bytes: recognises the file's content under
 *                   another name or compressed, and tells a truncated-and-rewritten file from the same one
 * @param size       bytes the file was known to hold when the position was taken, or {@link #UNKNOWN_SIZE}
 *                   (done entries, compressed copies, checkpoints of older versions): when the file is gone
 *                   after a restart, {@code size - offset} bytes went missing unread (none when equal)
 */
public record FilePosition(String stream, String path, String fileKey, long offset, int headLength, String headHash,
                           long size) {

    /** {@link #size()} when it is not known. */
    public static final long UNKNOWN_SIZE = -1;

    /** A position whose file's size is not known. */
    public FilePosition(String stream, String path, String fileKey, long offset, int headLength, String headHash) {
        this(stream, path, fileKey, offset, headLength, headHash, UNKNOWN_SIZE);
    }

    /** Bytes known to be unread at this position ({@code size - offset}), or -1 when not known. */
    public long unreadBytes() {
        return size < 0 || isDone() ? -1 : Math.max(0, size - offset);
    }

    /**
     * The entry that says a configured path or glob was followed when the checkpoint was taken, whether
     * or not a file was there: on a restart, files under it that the checkpoint does not know appeared
     * while the tailer was stopped and are read whole (with their rotated copies), while files under a
     * path new to the configuration start at their current file.
     */
    public static FilePosition followed(String pattern) {
        return new FilePosition(pattern, pattern, null, 0, 0, null);
    }

    /** True for a {@link #followed(String)} entry. */
    public boolean isMarker() {
        return fileKey == null && headHash == null;
    }

    /** {@link #offset()} of a rotated file that was read to its end. */
    public static final long DONE = Long.MAX_VALUE;

    /** True for a rotated file read to its end (kept only to recognise it). */
    public boolean isDone() {
        return offset == DONE;
    }

    /** This entry, marked as read to its end. */
    public FilePosition asDone() {
        return new FilePosition(stream, path, fileKey, DONE, headLength, headHash, UNKNOWN_SIZE);
    }

    /** This entry, seen at {@code where}. */
    public FilePosition at(String where) {
        return new FilePosition(stream, where, fileKey, offset, headLength, headHash, size);
    }
}
