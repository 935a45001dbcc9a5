package dev.logtally.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What {@link Trace} found of one correlation ID in one file, kept so that the next trace of that ID does
 * not read the file again: the issues page traces the same samples over and over, and a rotated
 * {@code .gz} archive is never written again once compressed.
 *
 * <p>Exact by construction: an entry is keyed by the file's identity as the file system reports it —
 * absolute path, size, modification time (nanoseconds) and file key (device and inode) — and by the ID.
 * A file that changes in any of these (the active file growing, an archive replaced or rewritten) is a
 * different key, so it is read again; a new archive is a new key. An entry is stored only for a file read
 * whole without damage, and only if its identity was the same before and after the reading (a file written
 * while it was read is not stored). Entries kept with a cap on events serve only traces with the same or a
 * lower cap, unless the file held no more events than were kept. Bounded: at most {@code maxEntries}
 * entries and {@code maxEvents} events in all, the least recently used dropped first. Thread-safe.
 *
 * <pre>{@code
 * TraceCache cache = new TraceCache(4096, 100_000);
 * Trace.Result r = new Trace(options, 1).run(id, files, Progress.NONE, 1000, cache);
 * }</pre>
 */
public final class TraceCache {
    private final int maxEntries;
    private final long maxEvents;
    private final LinkedHashMap<Key, FileTrace> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long events;
    private long hits;
    private long misses;

    /**
     * @param maxEntries most (file, ID) results kept
     * @param maxEvents  most events kept over all entries
     */
    public TraceCache(int maxEntries, long maxEvents) {
        if (maxEntries < 1 || maxEvents < 1) {
            throw new IllegalArgumentException("a trace cache needs room for at least one entry and one event");
        }
        this.maxEntries = maxEntries;
        this.maxEvents = maxEvents;
    }

    /**
     * A file's identity now: absolute path, size, modification time and file key; null when it cannot be
     * looked at (the reading will say why, and nothing is cached).
     */
    public static FileId id(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileId(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    a.fileKey());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * One file's identity.
     *
     * @param path    absolute, normalized
     * @param size    bytes
     * @param mtime   last modification, nanoseconds since the epoch
     * @param fileKey the file system's key (device and inode on Linux), or null
     */
    public record FileId(Path path, long size, long mtime, Object fileKey) {
    }

    /**
     * What one file held of one ID.
     *
     * @param events  its events (at most the cap they were read with), in file order
     * @param cap     the cap on events they were read with
     * @param lines   lines the file held
     * @param parsed  lines that held the needle and were parsed
     * @param matched events of the ID in the file, also those past the cap
     */
    record FileTrace(List<TracedEvent> events, int cap, long lines, long parsed, long matched) {
        FileTrace {
            events = List.copyOf(events);
        }

        boolean serves(int maxEvents) {
            return maxEvents <= cap || matched == events.size();
        }
    }

    private record Key(FileId file, String id) {
        Key {
            Objects.requireNonNull(file);
            Objects.requireNonNull(id);
        }
    }

    /** The stored result for {@code file} and {@code id} that serves a cap of {@code maxEvents}, or null. */
    synchronized FileTrace get(FileId file, String id, int maxEvents) {
        FileTrace t = file == null ? null : entries.get(new Key(file, id));
        if (t == null || !t.serves(maxEvents)) {
            misses++;
            return null;
        }
        hits++;
        return t;
    }

    /** Stores what {@code file} held of {@code id}; an entry alone larger than the bound is not kept. */
    synchronized void put(FileId file, String id, FileTrace trace) {
        if (file == null || trace.events().size() > maxEvents) {
            return;
        }
        FileTrace old = entries.put(new Key(file, id), trace);
        if (old != null) {
            events -= old.events().size();
        }
        events += trace.events().size();
        Iterator<Map.Entry<Key, FileTrace>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || events > maxEvents) && eldest.hasNext()) {
            events -= eldest.next().getValue().events().size();
            eldest.remove();
        }
    }

    /** Entries kept now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Lookups that found a usable entry so far. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that did not. */
    public synchronized long misses() {
        return misses;
    }
}
