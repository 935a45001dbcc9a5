package dev.logtally.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One log file an archive tool reads: its path, and how many bytes of content it probably holds, for the
 * progress bar. For a plain file that is its size; for gzip it is the size gzip's trailer records
 * ({@code ISIZE}, the content size modulo 4 GiB of the last member), never less than the compressed size.
 *
 * <pre>{@code
 * LogFile f = LogFile.of(Path.of("logs/app.2026-11-24.0.log.gz"));
 * long expected = f.contentBytes();
 * }</pre>
 *
 * @param path         the file, as the user named it (relative paths are read from the working directory)
 * @param contentBytes estimated bytes of (uncompressed) content
 */
public record LogFile(Path path, long contentBytes) {

    /** The file at {@code path}, its content size estimated; 0 when it cannot be looked at (reading will say why). */
    public static LogFile of(Path path) {
        return new LogFile(path, estimate(path));
    }

    /** The path as the tools print it. */
    public String display() {
        return path.toString();
    }

    private static long estimate(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 18 || !isGzip(file, ch)) {
                return size;
            }
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(trailer, size - 4);
            long isize = Integer.toUnsignedLong(trailer.getInt(0));
            return Math.max(isize, size);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A {@code .gz} name or gzip's magic bytes, read through the channel already open. */
    private static boolean isGzip(Path file, FileChannel ch) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            return true;
        }
        ByteBuffer magic = ByteBuffer.allocate(2);
        ch.read(magic, 0);
        return magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b;
    }
}
