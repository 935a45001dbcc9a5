package dev.logtally.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The first bytes of a file's (uncompressed) content, up to {@value #MAX} bytes: recognises the same
 * content under another name, compressed, or after a restart, and tells a rewritten file from the same
 * one. The checkpoint stores only {@link #hash(int)} and the length it covers.
 *
 * <pre>{@code
 * FileHead head = FileHead.read(channel);
 * boolean same = FileHead.readContent(gzPath).matches(position.headLength(), position.headHash());
 * }</pre>
 */
final class FileHead {
    static final int MAX = 1024;
    static final FileHead EMPTY = new FileHead(new byte[0]);

    private final byte[] bytes;
    private String fullHash;

    private FileHead(byte[] bytes) {
        this.bytes = bytes;
    }

    static FileHead of(byte[] b, int len) {
        return len == 0 ? EMPTY : new FileHead(Arrays.copyOf(b, len));
    }

    /** The first min({@value #MAX}, size) bytes of an open plain file. */
    static FileHead read(FileChannel ch) throws IOException {
        byte[] b = new byte[(int) Math.min(MAX, ch.size())];
        ByteBuffer bb = ByteBuffer.wrap(b);
        while (bb.hasRemaining()) {
            if (ch.read(bb, bb.position()) <= 0) {
                break;
            }
        }
        return of(b, bb.position());
    }

    /** The first content bytes of a file: decompressed for gzip; as much as is readable of a damaged one. */
    static FileHead readContent(Path file) throws IOException {
        if (!ArchiveCursor.isGzip(file)) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return read(ch);
            }
        }
        byte[] b = new byte[MAX];
        int n = 0;
        try (InputStream in = ArchiveCursor.gunzip(file)) {
            while (n < MAX) {
                int r = in.read(b, n, MAX - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException damagedOrHalfWritten) {
            // Keep what was decompressed before the damage: a half-written archive still shows its head.
        }
        return of(b, n);
    }

    int length() {
        return bytes.length;
    }

    /** 64-bit FNV-1a of the first {@code n} bytes, as 16 hex digits. */
    String hash(int n) {
        if (n == bytes.length) {
            if (fullHash == null) {
                fullHash = computeHash(n); // heads are compared often when looking for moved files
            }
            return fullHash;
        }
        return computeHash(n);
    }

    private String computeHash(int n) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    String hash() {
        return hash(bytes.length);
    }

    /** True when this content starts with the {@code length} bytes whose hash is {@code hash}. */
    boolean matches(int length, String hash) {
        return length <= bytes.length && hash(length).equals(hash);
    }

    /**
     * True when the two contents start alike over the shorter head, and that common start holds at least
     * one whole line (or is the full {@value #MAX} bytes): one file is a copy of the other. A line is
     * required so that two logs whose first bytes are merely similar ({@code {"@timestamp":"2026-})
     * are not taken for copies.
     */
    boolean sameStart(FileHead other) {
        int n = Math.min(bytes.length, other.bytes.length);
        if (n == 0 || !Arrays.equals(bytes, 0, n, other.bytes, 0, n)) {
            return false;
        }
        return distinctive(n);
    }

    /**
     * True when the first {@code n} bytes can tell a file from others by content alone: all
     * {@value #MAX} of them, or at least one whole line. A partial first line ({@code {"@timest}) cannot.
     */
    boolean distinctive(int n) {
        if (n == MAX) {
            return true;
        }
        for (int i = 0; i < n && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** True when this content starts with all of {@code other}'s bytes. */
    boolean startsWith(FileHead other) {
        return other.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, other.bytes.length, other.bytes, 0, other.bytes.length);
    }
}
