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
     * Bytes that were never read and cannot be found any more (a checkpointed file gone while stopped, a
     * copy-truncate without a copy beside the file).
     */
    record DataLost(String path, long offset, String reason) implements FollowerNotice {
        @Override
        public String message() {
            return path + ": lines from offset " + offset + " could not be read: " + reason;
        }
    }
}
