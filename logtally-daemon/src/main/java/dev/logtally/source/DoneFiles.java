package dev.logtally.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rotated files of one followed path that were read to their end (or taken as read at the first
 * start), oldest first, as {@link FilePosition#DONE} entries: kept while any form of them exists (the
 * renamed file, its {@code .gz}) so that every rotated copy there is either one of them or content never
 * seen, wherever its name sorts; the newest is kept even when gone (what was read last).
 *
 * <pre>{@code
 * DoneFiles done = new DoneFiles("/var/log/app/app.log");
 * done.add(pending.position(stream));      // read to its end
 * done.claim(rotated.scan(), claimed);     // which rotated copies are known
 * }</pre>
 */
final class DoneFiles {
    private final String stream;
    private final List<FilePosition> entries = new ArrayList<>();
    /** Entries not found at the last listings, since when (clock millis). */
    private final Map<FilePosition, Long> missingSince = new IdentityHashMap<>();

    DoneFiles(String stream) {
        this.stream = stream;
    }

    /** A rotated file read to its end. An empty one is not kept: it could not be recognised later. */
    void add(FilePosition at) {
        if (at.headLength() > 0) {
            entries.add(at.asDone());
        }
    }

    /** A rotated copy taken as read without reading it (history at a start, a copy with nothing new). */
    void add(RotatedFiles.Member m) {
        FileHead h = m.head();
        add(new FilePosition(stream, m.path.toString(), m.keyString(), FilePosition.DONE, h.length(), h.hash()));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<FilePosition> entries() {
        return entries;
    }

    /** Claims the groups of {@code groups} that hold these files. */
    void claim(List<RotatedFiles.Group> groups, Set<RotatedFiles.Group> claimed) {
        for (FilePosition e : entries) {
            RotatedFiles.claim(groups, e, claimed);
        }
    }

    /**
     * Forgets files that are nowhere among {@code groups} any more (deleted), except the newest: each once
     * it has been missing from the listings for {@code graceMillis} (a listing made while logrotate shifts
     * names can miss a file that is only being renamed; forgotten, it would be read again when it shows up).
     */
    void prune(List<RotatedFiles.Group> groups, long now, long graceMillis) {
        Set<RotatedFiles.Group> claimed = new java.util.HashSet<>();
        for (int i = entries.size() - 2; i >= 0; i--) {
            FilePosition e = entries.get(i);
            if (RotatedFiles.claim(groups, e, claimed) != null) {
                missingSince.remove(e);
                continue;
            }
            Long since = missingSince.putIfAbsent(e, now);
            if (since != null && now - since >= graceMillis) {
                entries.remove(i);
                missingSince.remove(e);
            }
        }
    }

    /** True when {@code file} (identity {@code key}, content {@code head}) is one of these files. */
    boolean contains(Path file, Object key, Supplier<FileHead> head) {
        if (key == null) {
            return false;
        }
        String keyString = key.toString();
        for (FilePosition d : entries) {
            if (keyString.equals(d.fileKey()) && head.get().distinctive(d.headLength())
                    && head.get().matches(d.headLength(), d.headHash())) {
                return true;
            }
        }
        return false;
    }
}
