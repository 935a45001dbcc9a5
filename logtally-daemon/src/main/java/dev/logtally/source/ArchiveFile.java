package dev.logtally.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A rotated copy read once to its end from an offset: the unread rest of a file that moved while the
 * tailer was stopped (to a {@code .tmp} or a {@code .gz}), an archive rotated in between, or the copy a
 * copy-truncate left beside the file. Its checkpoint entry carries the head of its content, which finds
 * it again after a restart even if it was compressed meanwhile.
 *
 * <pre>{@code
 * backlog.add(ArchiveFile.open(member.path, offset, member.head(), maxLine));
 * }</pre>
 */
final class ArchiveFile implements Pending {
    private final ArchiveCursor cursor;
    private final FileHead head;
    private Path path;

    private ArchiveFile(ArchiveCursor cursor, FileHead head) {
        this.cursor = cursor;
        this.head = head;
        this.path = cursor.file();
    }

    static ArchiveFile open(Path file, long offset, FileHead head, int maxLine) throws IOException {
        return new ArchiveFile(ArchiveCursor.open(file, offset, maxLine), head);
    }

    @Override
    public long read(LineSink sink, int budget, long now) {
        return cursor.read(sink, budget);
    }

    @Override
    public boolean caughtUp() {
        return cursor.atEnd();
    }

    @Override
    public boolean finished(long now) {
        return cursor.atEnd();
    }

    @Override
    public FilePosition position(String stream) {
        Object key = cursor.fileKey();
        long size = cursor.gzip() ? FilePosition.UNKNOWN_SIZE : cursor.position() + cursor.unreadBytes();
        return new FilePosition(stream, path.toString(), key == null ? null : key.toString(), cursor.position(),
                head.length(), head.hash(), size);
    }

    @Override
    public boolean hasKey(Object key) {
        return key != null && key.equals(cursor.fileKey());
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void renamedTo(Path p) {
        path = p;
    }

    @Override
    public long lag() {
        return cursor.unreadBytes();
    }

    @Override
    public long pendingBytes() {
        return cursor.pendingBytes();
    }

    @Override
    public String damage() {
        return cursor.damage();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
