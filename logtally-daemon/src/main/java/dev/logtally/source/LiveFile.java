package dev.logtally.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * One plain file held open while it may still grow: the followed file, or a rotated one being drained.
 * Reads with positional reads on its own channel, so it keeps reading the same inode whatever happens to
 * the name; knows its identity ({@code fileKey}) and its head, and notices when it was truncated or
 * rewritten in place.
 *
 * <pre>{@code
 * LiveFile f = LiveFile.open(path, attrs.fileKey(), 1 << 20);
 * f.startAt(0);
 * long bytes = f.read(sink, 4 << 20, clock.millis());
 * }</pre>
 */
final class LiveFile implements Closeable {
    private final FileChannel channel;
    private final Object key;
    private final LineSplitter splitter;
    private Path path;
    private FileHead head = FileHead.EMPTY;
    private long readPos;
    private long size;
    private boolean atEof;
    private long lastGrowth;

    private LiveFile(FileChannel channel, Object key, Path path, int maxLine) {
        this.channel = channel;
        this.key = key;
        this.path = path;
        this.splitter = new LineSplitter(maxLine);
    }

    /**
     * Opens {@code path}, expected to be the file {@code key}; null when the name moved to another file
     * between the look and the open (the caller looks again on the next poll).
     */
    static LiveFile open(Path path, Object key, int maxLine) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        boolean same;
        try {
            same = key == null || key.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            same = false;
        }
        if (!same) {
            ch.close();
            return null;
        }
        LiveFile f = new LiveFile(ch, key, path, maxLine);
        f.head = FileHead.read(ch);
        f.size = ch.size();
        return f;
    }

    /** Reads from {@code offset} on (a line boundary). */
    void startAt(long offset) {
        splitter.reset(path.toString(), offset);
        readPos = offset;
    }

    /**
     * Starts after the last complete line, so that a file found at the very first start with
     * {@code start.position=end} is not read. When the last line is too long to look back over, its rest
     * is skipped and counted as one oversized line.
     */
    void startAtEnd(int maxLine) throws IOException {
        long end = channel.size();
        long lookBack = Math.min(end, (long) maxLine + 1);
        byte[] b = new byte[(int) Math.min(LineSplitter.CHUNK, Math.max(1, lookBack))];
        long scanned = 0;
        while (scanned < lookBack) {
            int n = (int) Math.min(b.length, lookBack - scanned);
            long from = end - scanned - n;
            ByteBuffer bb = ByteBuffer.wrap(b, 0, n);
            while (bb.hasRemaining() && channel.read(bb, from + bb.position()) > 0) {
                // positional reads until the slice is full
            }
            for (int i = n - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    startAt(from + i + 1);
                    return;
                }
            }
            scanned += n;
        }
        if (scanned == end) {
            startAt(0);
        } else {
            startAt(end);
            splitter.startSkipping(end - scanned);
        }
    }

    /** Reads up to {@code budget} bytes, delivering complete lines; records whether the end was reached. */
    long read(LineSink sink, int budget, long now) throws IOException {
        long total = 0;
        atEof = false;
        while (total < budget) {
            int n = splitter.readFrom(this::readRaw, (int) Math.min(LineSplitter.CHUNK, budget - total), sink);
            if (n <= 0) {
                atEof = true;
                break;
            }
            total += n;
        }
        if (total > 0) {
            lastGrowth = now;
            if (head.length() < FileHead.MAX && head.length() < readPos) {
                // Opened while (nearly) empty, as logrotate's create leaves it: take the head again now that
                // there are bytes, so the checkpoint never names a read file by its identity alone.
                head = FileHead.read(channel);
            }
        }
        size = Math.max(size, readPos);
        return total;
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        int n = channel.read(ByteBuffer.wrap(b, off, len), readPos);
        if (n > 0) {
            readPos += n;
        }
        return n;
    }

    /**
     * Compares the file as it is now ({@code nowSize} bytes) with what was read: true when it was cut
     * below what was read, or its head changed (truncated and rewritten between two looks). Otherwise
     * extends the head while it is shorter than {@link FileHead#MAX}.
     */
    boolean truncated(long nowSize) throws IOException {
        if (nowSize < readPos) {
            return true;
        }
        // One small positional read per look: cheap next to the reading, and the only way to see a rewrite.
        FileHead fresh = FileHead.read(channel);
        if (!fresh.startsWith(head)) {
            return true;
        }
        head = fresh;
        size = Math.max(nowSize, readPos);
        return false;
    }

    /** After a truncation: reads the file again from its beginning, with a new head. */
    void restartFromBeginning() throws IOException {
        head = FileHead.read(channel);
        size = channel.size();
        startAt(0);
    }

    /** Delivers lines held as an unfinished multi-line object (the file will not grow any more). */
    void flush(LineSink sink) {
        splitter.finish(sink);
    }

    /** Bytes in the file not read yet, as of the last look. */
    long lag() {
        return Math.max(0, size - splitter.position());
    }

    /** The size now, without taking it as seen (a truncation check compares with the last look). */
    long sizeNow() throws IOException {
        return channel.size();
    }

    /** Takes the size now as seen, for {@link #lag()} (a rotated file being drained has no truncation check). */
    void refreshSize() throws IOException {
        size = channel.size();
    }

    FilePosition position(String stream) {
        return new FilePosition(stream, path.toString(), keyString(), splitter.position(), head.length(), head.hash(),
                Math.max(size, splitter.position()));
    }

    String keyString() {
        return key == null ? null : key.toString();
    }

    boolean hasKey(Object other) {
        return key != null && Objects.equals(key, other);
    }

    Object key() {
        return key;
    }

    Path path() {
        return path;
    }

    /** The file is now known under another name (lines go on carrying it). */
    void renamedTo(Path p) {
        path = p;
        splitter.rename(p.toString());
    }

    FileHead head() {
        return head;
    }

    long lastKnownSize() {
        return size;
    }

    boolean atEof() {
        return atEof;
    }

    long lastGrowth() {
        return lastGrowth;
    }

    long offset() {
        return splitter.position();
    }

    long pendingBytes() {
        return splitter.pendingBytes();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A read-only channel: closing cannot lose anything.
        }
    }
}
