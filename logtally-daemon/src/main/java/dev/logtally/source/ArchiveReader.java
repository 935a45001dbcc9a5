package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one whole log file once — plain, gzip ({@code .gz}, several members allowed) or Logback's
 * transient {@code *.tmp} — and delivers its complete lines with byte offsets of the uncompressed
 * content. Used by {@code replay}, {@code trace} and {@code errors}, and (through the same reading code)
 * by the {@link Follower} to finish rotated files.
 *
 * <p>Gzip is recognised by the {@code .gz} name or by its magic bytes. A truncated or corrupt archive
 * does not throw: every line before the damage is delivered, then {@link Result#damage()} says, in one
 * line, which file and what went wrong. A last line without its {@code \n} is not delivered (it is
 * incomplete) and is reported in {@link Result#partialBytes()}.
 *
 * <pre>{@code
 * ArchiveReader reader = new ArchiveReader(1 << 20);
 * ArchiveReader.Result r = reader.read(Path.of("logs/app.2026-11-24.0.log.gz"), sink);
 * if (r.damaged()) System.err.println("logtally: " + r.damage());
 * }</pre>
 */
public final class ArchiveReader {

    /** Bytes read per step; only bounds how often the loop turns. */
    private static final long STEP = 16L << 20;

    private final int maxLineBytes;

    /** A reader whose lines may be up to {@code maxLineBytes} long (longer ones arrive as oversized). */
    public ArchiveReader(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("line cap must be at least 1 byte, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads {@code file} from its beginning. */
    public Result read(Path file, LineSink sink) throws IOException {
        return read(file, 0, sink);
    }

    /**
     * Reads {@code file} from uncompressed offset {@code startOffset} (for gzip, that many content bytes
     * are decompressed and skipped).
     *
     * @throws IOException only when the file cannot be opened (missing, not readable): nothing was read
     */
    public Result read(Path file, long startOffset, LineSink sink) throws IOException {
        long[] lines = {0};
        LineSink counting = line -> {
            lines[0]++;
            sink.accept(line);
        };
        try (ArchiveCursor cursor = ArchiveCursor.open(file, startOffset, maxLineBytes)) {
            while (!cursor.atEnd()) {
                cursor.read(counting, STEP);
            }
            return new Result(file, cursor.position(), lines[0], cursor.pendingBytes(), cursor.damage());
        }
    }

    /**
     * What one read did.
     *
     * @param file         the file read
     * @param end          offset after the last complete line delivered (uncompressed)
     * @param lines        lines delivered (oversized ones included)
     * @param partialBytes bytes of an incomplete last line that was not delivered
     * @param damage       one line naming the file and what went wrong, or null when it was read whole
     */
    public record Result(Path file, long end, long lines, long partialBytes, String damage) {
        public boolean damaged() {
            return damage != null;
        }
    }
}
