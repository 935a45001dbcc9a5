package dev.logtally.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The state directory of one {@code tail} daemon: holds the checkpoint file and an exclusive lock, so that
 * two daemons never count into the same state.
 *
 * <ul>
 *   <li>{@link #open} creates the directory if missing, locks {@code DIR/lock} ({@link FileChannel#tryLock},
 *       held until {@link #close}) and removes a temp file left by a crash during a save.</li>
 *   <li>{@link #save} is atomic: the new checkpoint is written to {@code checkpoint.json.tmp} in the same
 *       directory, forced to disk, renamed over {@code checkpoint.json} ({@code ATOMIC_MOVE}) and then the
 *       directory is forced, so after a crash the file is either the old checkpoint or the new one.</li>
 *   <li>{@link #load} returns nothing on a first start (no file), the checkpoint otherwise, or throws a
 *       {@link StateException} naming the file when it cannot be read or is corrupt, foreign or too new:
 *       never a silent reset.</li>
 * </ul>
 *
 * <pre>{@code
 * try (CheckpointStore store = CheckpointStore.open(Path.of("/var/lib/logtally"))) {
 *     Optional<Checkpoint> last = store.load();
 *     ...
 *     store.save(Checkpoint.of(clock.millis(), namespace, positions, snapshot));
 * }
 * }</pre>
 *
 * <p>Not thread-safe; in {@code tail} only the reader thread loads and saves.
 */
public final class CheckpointStore implements AutoCloseable {
    /** The checkpoint file's name in the state directory. */
    public static final String FILE_NAME = "checkpoint.json";
    /** The lock file's name in the state directory. */
    public static final String LOCK_NAME = "lock";
    static final String TEMP_NAME = FILE_NAME + ".tmp";

    /**
     * Directories locked by this JVM. Checked before opening the lock file a second time, because closing any
     * channel of a file releases every POSIX lock the process holds on it (see {@link FileLock}).
     */
    private static final java.util.Set<Path> LOCKED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path key;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private CheckpointStore(Path dir, Path key, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.key = key;
        this.file = dir.resolve(FILE_NAME);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if missing) and locks the state directory {@code dir}.
     *
     * @throws StateException when the directory cannot be created or written, or another process holds it
     */
    public static CheckpointStore open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new StateException("state dir " + d + " cannot be created (" + describe(e) + ")", e);
        }
        Path lockFile = d.resolve(LOCK_NAME);
        Path key;
        try {
            key = d.toRealPath(); // one key however the directory is named (symbolic links, "..")
        } catch (IOException e) {
            throw new StateException("state dir " + d + " is not usable (" + describe(e) + ")", e);
        }
        if (!LOCKED_HERE.add(key)) {
            throw inUse(d, lockFile, " (in this process)");
        }
        try {
            return lock(d, key, lockFile);
        } catch (RuntimeException e) {
            LOCKED_HERE.remove(key);
            throw e;
        }
    }

    private static CheckpointStore lock(Path d, Path key, Path lockFile) {
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StateException("state dir " + d + " is not usable: cannot open " + lockFile + " ("
                    + describe(e) + ")", e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // Held by this JVM under another name (a hard link). The channel is left open on purpose:
            // closing it would release the other store's lock.
            throw inUse(d, lockFile, " (in this process)");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StateException("state dir " + d + " cannot be locked (" + describe(e) + ")", e);
        }
        if (lock == null) {
            String holder = holder(ch);
            closeQuietly(ch);
            throw inUse(d, lockFile, holder);
        }
        CheckpointStore store = new CheckpointStore(d, key, ch, lock);
        try {
            store.writePid();
            store.removeLeftovers();
        } catch (IOException e) {
            store.close();
            throw new StateException("state dir " + d + " is not usable (" + describe(e) + ")", e);
        }
        return store;
    }

    public Path dir() {
        return dir;
    }

    /** The checkpoint file. */
    public Path file() {
        return file;
    }

    /**
     * The last checkpoint saved, or empty when there is none (first start).
     *
     * @throws StateException when the file cannot be read, or is corrupt, foreign or from a newer version
     */
    public Optional<Checkpoint> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new StateException("state file " + file + " cannot be read (permission denied); give the user"
                    + " running logtally read and write access to " + dir, e);
        } catch (IOException e) {
            throw new StateException("state file " + file + " cannot be read (" + describe(e) + ")", e);
        }
        return Optional.of(CheckpointCodec.decode(bytes, file));
    }

    /**
     * Replaces the checkpoint atomically. When it fails, the previous checkpoint is still in place.
     *
     * @throws StateException when the file cannot be written (e.g. the disk is full)
     * @throws IllegalArgumentException when {@code cp} holds a non-finite value (a bug: never written)
     */
    public void save(Checkpoint cp) {
        try {
            writeAtomically(dir.resolve(TEMP_NAME), file, CheckpointCodec.encode(cp));
        } catch (IOException e) {
            throw new StateException("state file " + file + " cannot be written (" + describe(e) + ")", e);
        }
    }

    /**
     * The one atomic write of the state directory: {@code bytes} to {@code tmp}, forced, renamed over
     * {@code target} ({@code ATOMIC_MOVE}), then the directory forced. After a crash {@code target} is either
     * the old file or the new one; a failed write removes {@code tmp}.
     */
    static void writeAtomically(Path tmp, Path target, byte[] bytes) throws IOException {
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next open() removes a checkpoint's temp file
            }
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(lockChannel);
        LOCKED_HERE.remove(key);
    }

    /** Makes the rename itself durable: without it a crash can bring back the old directory entry. */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void writePid() throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap(pid), 0);
    }

    /** A temp file is only ever left by a crash or failure during a save: it was never committed. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_NAME + "*")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static StateException inUse(Path d, Path lockFile, String holder) {
        return new StateException.InUse("state dir " + d + " is in use by another logtally" + holder + " (it holds "
                + lockFile + "); stop it, or give this one another --state-dir");
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            ch.read(buf, 0);
            String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way: " + e.getMessage();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to save
        }
    }
}
