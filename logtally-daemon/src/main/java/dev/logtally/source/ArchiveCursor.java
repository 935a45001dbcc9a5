package dev.logtally.source;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one file that is no longer written (plain, Logback's {@code *.tmp}, or gzip) once, from an
 * offset of its uncompressed content, a bounded number of bytes per call. Problems after the file was
 * opened (a truncated or corrupt gzip, a read error) end the reading and are kept as a one-line
 * {@link #damage()}; every line completed before the damage has been delivered.
 *
 * <pre>{@code
 * try (ArchiveCursor c = ArchiveCursor.open(path, 0, 1 << 20)) {
 *     while (!c.atEnd()) c.read(sink, 4 << 20);
 *     if (c.damage() != null) log.warn(c.damage());
 * }
 * }</pre>
 */
final class ArchiveCursor implements Closeable {
    private final Path file;
    private final LineSplitter splitter;
    private final FileChannel channel;
    private final InputStream gzip;
    private final Object fileKey;
    private final long start;
    private long toSkip;
    private long readPos;
    private byte[] scratch;
    private boolean end;
    private String damage;

    private ArchiveCursor(Path file, int maxLine, FileChannel channel, InputStream gzip, Object fileKey, long start) {
        this.file = file;
        this.splitter = new LineSplitter(maxLine);
        this.channel = channel;
        this.gzip = gzip;
        this.fileKey = fileKey;
        this.start = start;
        this.readPos = start;
        this.toSkip = gzip != null ? start : 0;
        splitter.reset(file.toString(), start);
    }

    /**
     * Opens {@code file} to read from uncompressed offset {@code start}.
     *
     * @throws IOException when the file cannot be opened at all (missing, not readable)
     */
    static ArchiveCursor open(Path file, long start, int maxLine) throws IOException {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        if (!isGzip(file)) {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ArchiveCursor c = new ArchiveCursor(file, maxLine, ch, null, key, start);
            long size = ch.size();
            if (size < start) {
                c.fail("holds " + size + " bytes, fewer than the offset " + start + " to resume at");
            }
            return c;
        }
        InputStream raw = Files.newInputStream(file);
        try {
            return new ArchiveCursor(file, maxLine, null, new GZIPInputStream(raw, LineSplitter.CHUNK), key, start);
        } catch (EOFException | ZipException e) {
            raw.close();
            ArchiveCursor c = new ArchiveCursor(file, maxLine, null, null, key, start);
            c.fail(e instanceof EOFException ? "truncated gzip: no complete header" : "not a valid gzip file: " + e.getMessage());
            return c;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** True for a {@code .gz} name or gzip's magic bytes (a compressed file under another name). */
    static boolean isGzip(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    static InputStream gunzip(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new GZIPInputStream(raw, LineSplitter.CHUNK);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Reads up to about {@code budget} bytes, delivering complete lines; returns the bytes read. Never throws. */
    long read(LineSink sink, long budget) {
        long total = 0;
        try {
            while (!end && total < budget) {
                int want = (int) Math.min(LineSplitter.CHUNK, budget - total);
                int n = toSkip > 0 ? skip(want) : splitter.readFrom(this::readRaw, want, sink);
                if (n < 0) {
                    end = true;
                    if (toSkip > 0) {
                        fail("content ends at byte " + (start - toSkip) + ", before the offset " + start + " to resume at");
                    } else {
                        splitter.finish(sink); // an unfinished multi-line object at the end is still a line
                    }
                } else {
                    total += n;
                }
            }
        } catch (EOFException e) {
            fail("truncated gzip: content ends inside a block after " + contentReached() + " bytes");
        } catch (ZipException e) {
            fail("corrupt gzip after " + contentReached() + " bytes of content: " + e.getMessage());
        } catch (IOException e) {
            fail("read failed after " + contentReached() + " bytes of content: " + e);
        }
        return total;
    }

    private int skip(int want) throws IOException {
        if (scratch == null) {
            scratch = new byte[LineSplitter.CHUNK];
        }
        int n = gzip.read(scratch, 0, (int) Math.min(want, toSkip));
        if (n > 0) {
            toSkip -= n;
        }
        return n;
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        if (gzip != null) {
            return gzip.read(b, off, len);
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len), readPos);
        if (n > 0) {
            readPos += n;
        }
        return n;
    }

    private long contentReached() {
        return toSkip > 0 ? start - toSkip : splitter.readOffset();
    }

    private void fail(String what) {
        end = true;
        if (damage == null) {
            damage = file + ": " + what;
        }
    }

    boolean atEnd() {
        return end;
    }

    /** One line naming the file and what went wrong, or null. */
    String damage() {
        return damage;
    }

    /** Offset after the last complete line delivered. */
    long position() {
        return splitter.position();
    }

    /** Bytes of an incomplete last line (read, not delivered). */
    long pendingBytes() {
        return splitter.pendingBytes();
    }

    /** Bytes of a plain file not read yet (0 for gzip, whose content size is unknown). */
    long unreadBytes() {
        if (channel == null || end) {
            return 0;
        }
        try {
            return Math.max(0, channel.size() - splitter.position());
        } catch (IOException e) {
            return 0;
        }
    }

    Path file() {
        return file;
    }

    Object fileKey() {
        return fileKey;
    }

    boolean gzip() {
        return gzip != null || channel == null;
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (gzip != null) {
                gzip.close();
            }
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only file loses nothing.
        }
    }
}
