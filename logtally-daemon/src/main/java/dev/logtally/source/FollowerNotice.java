package dev.logtally.source;

/**
 * Something the {@link Follower} saw that the daemon should log (and, for rotations, count). Each kind
 * renders itself as one line naming the file and what happened.
 *
 * <pre>{@code
 * log.warn(notice.message());
 * if (notice instanceof FollowerNotice.Rotated r) {
 *     rotations.labels(r.kind().label()).inc();
 * }
 * }</pre>
 */
public sealed interface FollowerNotice {

    /** One line for the log. */
    String message();

    /**
     * A followed file rotated.
     *
     * @param stream the followed path
     * @param kind   how
     * @param to     where the old content went (rotated name, copy), or null when unknown or deleted
     */
    record Rotated(String stream, RotationKind kind, String to) implements FollowerNotice {
        @Override
        public String message() {
            return stream + ": rotated (" + kind.label() + ")" + (to == null ? "" : ", old content in " + to);
        }
    }

    /** A followed path does not exist (at the first look, or for longer than {@code rotate.wait}). */
    record FileMissing(String path) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": file missing; will pick it up when it appears";
        }
    }

    /** A file could not be opened or read; it is tried again on the next poll. */
    record Unreadable(String path, String reason) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": cannot read: " + reason;
        }
    }

    /** An archive was damaged (truncated or corrupt gzip); the lines before the damage were delivered. */
    record ArchiveDamaged(String description) implements FollowerNotice {
        @Override
        public String message() {
            return "damaged archive: " + description;
        }
    }

    /** A rotated file ended without a newline; its incomplete last line was not delivered. */
    record PartialLineDropped(String path, long offset, long bytes) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": dropped an incomplete last line of " + bytes + " bytes at offset " + offset;
        }
    }

    /**
     * Bytes that were never read and cannot be found any more (a checkpointed file gone while stopped with
     * unread bytes in it, a copy-truncate without a copy beside the file): {@code bytes} of them, or -1
     * when how many is not known. Counted in {@code logtally_lost_bytes_total}.
     */
    record DataLost(String path, long offset, long bytes, String reason) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": lines from offset " + offset + (bytes < 0 ? "" : " (" + bytes + " bytes)")
                    + " could not be read: " + reason;
        }
    }

    /**
     * A checkpoint entry that names a read file by its identity alone (an older logtally checkpointed a
     * file it had opened empty): inodes are reused, so it cannot be told from another file, and what is
     * there is read from its beginning (lines of it read before the stop may be counted again).
     */
    record Unrecognised(String path, long offset) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": a checkpoint entry at offset " + offset + " has no head (written while the file was empty)"
                    + " and cannot be told from another file: what is there is read from its beginning";
        }
    }
}
