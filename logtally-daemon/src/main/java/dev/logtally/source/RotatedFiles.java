package dev.logtally.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rotated copies of one followed file: found where the rotated globs point (by default its own
 * directory), kept only when the name starts with the file's stem, grouped by rotation (a Logback
 * {@code .tmp} and the {@code .gz} being written from it are one group), and ordered oldest first by
 * {@link NameOrder}. Looked at only when something happened (a rotation, a truncation, a restart), never
 * on the per-line path.
 *
 * <pre>{@code
 * RotatedFiles rotated = new RotatedFiles(Path.of("/var/log/app/app.log"), List.of(), followed::contains);
 * List<RotatedFiles.Group> groups = rotated.scan();                 // oldest first
 * RotatedFiles.Located moved = RotatedFiles.claim(groups, position.asDone(), claimed);
 * }</pre>
 */
final class RotatedFiles {

    /** One file of a group. */
    static final class Member {
        final Path path;
        final Object key;
        final long size;
        /** Last modification: with the identity and size, tells a new file under a reused inode from the old one. */
        final FileTime modified;
        private FileHead head;

        Member(Path path, Object key, long size, FileTime modified) {
            this.path = path;
            this.key = key;
            this.size = size;
            this.modified = modified;
        }

        /**
         * Identity, size and modification time. Inode numbers are reused at once on ext4: logrotate's
         * {@code create} with {@code delaycompress} hands the inode of the copy it just compressed and deleted
         * to the next file, which a later rotation then moves to the same name. By identity alone, that new
         * file would look like the old one still there.
         */
        String version() {
            return key + "/" + size + "/" + modified;
        }

        boolean sameVersion(Member other) {
            return Objects.equals(key, other.key) && size == other.size && modified.equals(other.modified);
        }

        /** First content bytes (decompressed for gzip); empty when unreadable. */
        FileHead head() {
            if (head == null) {
                try {
                    head = FileHead.readContent(path);
                } catch (IOException e) {
                    head = FileHead.EMPTY;
                }
            }
            return head;
        }

        String keyString() {
            return key == null ? null : key.toString();
        }
    }

    /** The files of one rotation: a plain one (renamed file, {@code .tmp}, copy) and/or its gzip. */
    static final class Group {
        final String name;
        /**
         * The followed file's own compressed or temporary twin ({@code app.2026-11-24.0.log.gz} beside a
         * followed {@code app.2026-11-24.0.log}): where its content may have gone, never a rotation to
         * read as new.
         */
        final boolean twin;
        Member plain;
        Member gzip;

        Group(String name, String activeName) {
            this.name = name;
            this.twin = name.equals(activeName);
        }

        /**
         * Name and versions of its files: changes when a file of the group is replaced (even by one that got
         * the same inode), written to, added or removed.
         */
        String signature() {
            return name + "|" + (plain == null ? "" : plain.version()) + "|" + (gzip == null ? "" : gzip.version());
        }

        /** The member to read: the plain file when there is one, since the gzip may be half-written. */
        Member preferred() {
            return plain != null ? plain : gzip;
        }
    }

    /** Where an entry of a checkpoint was found. */
    record Located(Group group, Member member) {
        /** The file found is the group's {@code .gz}: its content can be read, but it is no longer the file. */
        boolean compressed() {
            return member == group.gzip;
        }
    }

    private final Path active;
    private final String stem;
    private final List<PathPattern> globs;
    private final Predicate<Path> followed;
    /** Members of the last look, to reuse their heads. */
    private Map<Path, Member> members = new HashMap<>();
    /** Signatures of the groups at the last {@link #look()}. */
    private Set<String> seenGroups = new HashSet<>();

    /**
     * @param active   the followed path
     * @param globs    configured rotated globs; empty for the default ({@code <dir>/<stem>.*})
     * @param followed paths followed as files of their own, never taken for rotated copies
     */
    RotatedFiles(Path active, List<PathPattern> globs, Predicate<Path> followed) {
        this.active = active;
        String name = active.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.globs = globs;
        this.followed = followed;
    }

    /** True when {@code file} could be a rotated copy of the followed file. */
    boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        // Not a followed file, nor the .gz or .tmp of another followed file (that is its content).
        Path twinOf = file.resolveSibling(NameOrder.normalize(name));
        if (file.equals(active) || followed.test(file) || !twinOf.equals(active) && followed.test(twinOf)) {
            return false;
        }
        if (globs.isEmpty()) {
            return file.getParent().equals(active.getParent()) && name.startsWith(stem + ".");
        }
        if (!name.startsWith(stem)) {
            return false;
        }
        if (name.length() > stem.length() && Character.isLetterOrDigit(name.charAt(stem.length()))) {
            return false;
        }
        for (PathPattern g : globs) {
            if (g.matches(file)) {
                return true;
            }
        }
        return false;
    }

    /** The rotated copies present now, grouped by rotation, oldest first (twins included, see {@link Group#twin}). */
    List<Group> scan() {
        String activeName = active.getFileName().toString();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<Path, Member> seen = new HashMap<>();
        for (Path p : candidates()) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException e) {
                continue;
            }
            if (!a.isRegularFile()) {
                continue;
            }
            String fileName = p.getFileName().toString();
            Group g = groups.computeIfAbsent(Rotations.key(p), k -> new Group(NameOrder.normalize(fileName), activeName));
            Member m = new Member(p, a.fileKey(), a.size(), a.lastModifiedTime());
            Member before = members.get(p);
            if (before != null && before.head != null && before.sameVersion(m)) {
                m.head = before.head; // unchanged since the last look: no need to read (or decompress) it again
            }
            seen.put(p, m);
            if (Rotations.compressed(p)) {
                g.gzip = m;
            } else {
                g.plain = m;
            }
        }
        members = seen;
        List<Group> out = new ArrayList<>(groups.values());
        Comparator<String> order = NameOrder.oldestFirst(active.getFileName().toString());
        out.sort((a, b) -> order.compare(a.name, b.name));
        return out;
    }

    /**
     * The newest group that is a rotation (not a twin) and can be recognised by its content later (its
     * head holds a whole line), or null: where the history a stream starts with ends.
     */
    static Group newest(List<Group> groups) {
        for (int i = groups.size() - 1; i >= 0; i--) {
            Group g = groups.get(i);
            FileHead h = g.preferred().head();
            if (!g.twin && h.distinctive(h.length())) {
                return g;
            }
        }
        return null;
    }

    /**
     * The rotated copies now, and which of them are new since the last call (a new name, or new
     * identities under a known name): one directory listing, cheap enough for every poll.
     */
    Look look() {
        List<Group> groups = scan();
        Set<String> now = new HashSet<>();
        List<Group> added = new ArrayList<>();
        for (Group g : groups) {
            String signature = g.signature();
            now.add(signature);
            if (!seenGroups.contains(signature) && !g.twin) {
                added.add(g);
            }
        }
        boolean changed = !now.equals(seenGroups);
        seenGroups = now;
        return new Look(groups, added, changed);
    }

    /**
     * What {@link #look()} saw: all rotated copies, oldest first, the new ones among them, and whether
     * anything changed (added, replaced or removed).
     */
    record Look(List<Group> all, List<Group> added, boolean changed) {
    }

    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        if (globs.isEmpty()) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(active.getParent(), stem + ".*")) {
                for (Path p : dir) {
                    if (isCandidate(p)) {
                        out.add(p);
                    }
                }
            } catch (IOException e) {
                // No directory, or not readable: no rotated copies to be found.
            }
            return out;
        }
        for (PathPattern g : globs) {
            for (Path p : g.expand()) {
                if (isCandidate(p) && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * The newest group not {@code claimed} whose content starts with {@code head} and that is not the
     * file {@code exceptKey} itself: where a copy-truncate put the truncated content.
     */
    static Located findCopy(List<Group> groups, FileHead head, Object exceptKey, Set<Group> claimed) {
        if (!head.distinctive(head.length())) {
            return null; // nothing complete was read: a copy, if any, is read whole as a new rotated copy
        }
        for (int i = groups.size() - 1; i >= 0; i--) {
            Group g = groups.get(i);
            if (claimed.contains(g) || g.plain != null && Objects.equals(g.plain.key, exceptKey)) {
                continue;
            }
            Member m = g.preferred();
            if (m.head().startsWith(head)) {
                return new Located(g, m);
            }
        }
        return null;
    }

    /**
     * Finds the file a checkpoint entry names among {@code groups}, skipping {@code claimed} ones: first a
     * plain file with its identity and head (Logback's renamed {@code .tmp}), then a plain file with its
     * head (a copy), then a gzip whose decompressed head matches. A plain file must hold at least
     * {@code entry.offset()} bytes (unless the entry is done). Only a head holding a whole line
     * recognises a file; an entry without one is never found here (it was at offset 0: a rotated copy
     * of it is read whole as one not seen).
     */
    static Located locate(List<Group> groups, FilePosition entry, Set<Group> claimed) {
        if (entry.headLength() == 0) {
            return null; // an empty file has only its identity, and inodes are reused: never recognised
        }
        Located byHead = null;
        Located byGzip = null;
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            if (claimed.contains(g)) {
                continue;
            }
            // The head must hold a whole line: a partial first line ({"@timest) is common to many files,
            // and a reused inode with it is not the same file. (Such a file was read from offset 0 anyway.)
            Member p = g.plain;
            if (p != null && (entry.isDone() || p.size >= entry.offset()) && sameStart(p, entry)) {
                if (Objects.equals(p.keyString(), entry.fileKey())) {
                    return new Located(g, p);
                }
                if (byHead == null) {
                    byHead = new Located(g, p);
                }
            }
            Member z = g.gzip;
            if (byGzip == null && z != null && sameStart(z, entry)) {
                byGzip = new Located(g, z);
            }
        }
        return byHead != null ? byHead : byGzip;
    }

    /** As {@link #locate}, and claims the group found, so that no later entry takes that file too. */
    static Located claim(List<Group> groups, FilePosition entry, Set<Group> claimed) {
        Located loc = locate(groups, entry, claimed);
        if (loc != null) {
            claimed.add(loc.group());
        }
        return loc;
    }

    private static boolean sameStart(Member m, FilePosition entry) {
        FileHead h = m.head();
        return h.distinctive(entry.headLength()) && h.matches(entry.headLength(), entry.headHash());
    }
}
