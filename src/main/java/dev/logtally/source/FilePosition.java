package dev.logtally.source;

/**
 * Where reading of one file stands: what the checkpoint stores per file so that a restart resumes after
 * the last complete line counted, even if the file was renamed, compressed or replaced meanwhile.
 *
 * @param stream     the followed (active) path this file belongs to, e.g. {@code /var/log/app/app.log}
 * @param path       where the file was last seen (the active path, or a rotated name)
 * @param fileKey    the file's identity ({@code BasicFileAttributes.fileKey()}, e.g. {@code (dev=803,ino=1234)}),
 *                   or null when unknown
 * @param offset     byte offset just after the last complete line counted
 * @param headLength how many leading bytes {@link #headHash()} covers (at most 1 KiB, at most the bytes read)
 * @param headHash   hex hash of the first {@code headLength} bytes: recognises the file's content under
 *                   another name or compressed, and tells a truncated-and-rewritten file from the same one
 */
public record FilePosition(String stream, String path, String fileKey, long offset, int headLength, String headHash) {
}
