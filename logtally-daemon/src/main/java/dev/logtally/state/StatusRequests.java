package dev.logtally.state;

import dev.logtally.aggregate.ErrorGroupOptions;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

/**
 * How {@code logtally errors resolve|ignore|reopen FINGERPRINT --state-dir DIR} reaches the error groups,
 * whether or not a tailer owns the state directory, without ever corrupting it:
 *
 * <ul>
 *   <li><b>No tailer runs</b> (the checkpoint lock is free): the command takes the lock, loads the
 *       checkpoint, applies the change and saves it with the same atomic write as the tailer.</li>
 *   <li><b>A tailer runs</b> (it holds the lock): the command writes a request file atomically into
 *       {@code DIR/requests/} ({@code <id>.request}: temp file, fsync, rename). The tailer's reader thread
 *       looks there at each checkpoint, applies the change between two reads, writes the checkpoint, and only
 *       then answers with {@code <id>.done} (also atomic) and removes the request. The command polls for the
 *       answer until its deadline. A tailer killed between its checkpoint and its answer applies the request
 *       again after the restart: setting a status twice gives the same status.</li>
 *   <li>If the tailer stops before answering, the command finds the lock free while polling, takes its
 *       request back under the lock, and applies it itself.</li>
 * </ul>
 * Only a user who can write the state directory can change a status (the directory is the credential);
 * a remote change goes through the issues page, which requires its own token.
 *
 * <pre>{@code
 * StatusOutcome o = StatusRequests.submit(Path.of("/var/lib/logtally"),
 *         StatusChange.resolve(fp).inRelease("2.4.1"), Duration.ofSeconds(30), Clock.systemUTC());
 * }</pre>
 */
public final class StatusRequests {
    static final String DIR = "requests";
    static final String REQUEST = ".request";
    static final String DONE = ".done";

    private StatusRequests() {
    }

    /** A request found by the tailer. */
    public record Pending(Path file, StatusChange change, String problem) {
    }

    /**
     * Submits {@code change} to the state in {@code stateDir} and waits for it to be durable.
     *
     * @throws StateException when the state directory or checkpoint is unusable, or no answer came in time
     */
    public static StatusOutcome submit(Path stateDir, StatusChange change, Duration timeout, Clock clock) {
        if (!Files.isDirectory(stateDir)) {
            throw new StateException("state dir " + stateDir + " does not exist: no tailer has run with it");
        }
        Optional<StatusOutcome> direct = applyUnlocked(stateDir, change);
        if (direct.isPresent()) {
            return direct.get();
        }
        Path dir = stateDir.resolve(DIR);
        String id = UUID.randomUUID().toString();
        Path request = dir.resolve(id + REQUEST);
        Path done = dir.resolve(id + DONE);
        try {
            Files.createDirectories(dir);
            CheckpointStore.writeAtomically(dir.resolve(id + REQUEST + ".tmp"), request, encode(change));
        } catch (IOException e) {
            throw new StateException("cannot write a request into " + dir + " (" + e.getMessage() + ")", e);
        }
        long deadline = clock.millis() + timeout.toMillis();
        long pause = 20;
        while (true) {
            Optional<StatusOutcome> answer = readAnswer(done);
            if (answer.isPresent()) {
                return answer.get();
            }
            if (takeBack(stateDir, request)) {
                return applyUnlocked(stateDir, change).orElseThrow(() -> new StateException(
                        "state dir " + stateDir + " was taken by another logtally while changing it; try again"));
            }
            if (clock.millis() >= deadline) {
                throw new StateException("the tailer running on " + stateDir + " did not answer within "
                        + timeout.toSeconds() + "s; the request " + request + " stays and is applied at its next checkpoint");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateException("interrupted while waiting for the tailer");
            }
            pause = Math.min(250, pause * 2);
        }
    }

    /** Applies the change under the lock when no tailer holds it; empty when one does. */
    private static Optional<StatusOutcome> applyUnlocked(Path stateDir, StatusChange change) {
        CheckpointStore store;
        try {
            store = CheckpointStore.open(stateDir);
        } catch (StateException.InUse e) {
            return Optional.empty();
        }
        try (store) {
            Checkpoint cp = store.load().orElseThrow(() -> new StateException("no checkpoint in " + stateDir
                    + ": no error groups yet"));
            ErrorGroups groups = ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults()
                    .withMaxGroups(Math.max(1, cp.groups().groups().size())), Clock.systemUTC());
            groups.restore(cp.groups());
            StatusOutcome o = groups.change(change);
            if (o.applied()) {
                store.save(cp.withGroups(groups.state()));
            }
            return Optional.of(o);
        }
    }

    /** Removes our unanswered request under the lock, when no tailer holds it any more. */
    private static boolean takeBack(Path stateDir, Path request) {
        CheckpointStore store;
        try {
            store = CheckpointStore.open(stateDir);
        } catch (StateException.InUse e) {
            return false;
        }
        try (store) {
            return Files.deleteIfExists(request);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<StatusOutcome> readAnswer(Path done) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(done, StandardCharsets.UTF_8)));
            Files.deleteIfExists(done);
            return Optional.of(new StatusOutcome(Boolean.parseBoolean(p.getProperty("applied")), null,
                    p.getProperty("message", "")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("cannot read the answer " + done + " (" + e.getMessage() + ")", e);
        }
    }

    // ---- the tailer's side, on its reader thread, while it holds the lock ----

    /** The complete requests waiting in {@code stateDir} (none when there is no request directory). */
    public static List<Pending> pending(Path stateDir) {
        Path dir = stateDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + REQUEST)) {
            for (Path f : s) {
                out.add(read(f));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static Pending read(Path f) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(f, StandardCharsets.UTF_8)));
            StatusChange.Action a = StatusChange.Action.ofWord(p.getProperty("action", ""));
            if (a == null) {
                return new Pending(f, null, "unknown action");
            }
            return new Pending(f, new StatusChange(p.getProperty("fingerprint", ""), a, p.getProperty("release"),
                    Boolean.parseBoolean(p.getProperty("nextRelease"))), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Pending(f, null, "unreadable request: " + e.getMessage());
        }
    }

    /** Answers {@code p} (after the checkpoint holding it was saved) and removes it. */
    public static void answer(Pending p, StatusOutcome o) {
        String name = p.file().getFileName().toString();
        String id = name.substring(0, name.length() - REQUEST.length());
        Path dir = p.file().getParent();
        Properties props = new Properties();
        props.setProperty("applied", Boolean.toString(o.applied()));
        props.setProperty("message", o.message());
        try {
            CheckpointStore.writeAtomically(dir.resolve(id + DONE + ".tmp"), dir.resolve(id + DONE), store(props));
            Files.deleteIfExists(p.file());
        } catch (IOException e) {
            // the request stays and is answered at the next checkpoint
        }
    }

    /** Applies every pending request with {@code apply}; returns them with their outcomes, to answer after saving. */
    public static List<Answered> applyAll(Path stateDir, Function<StatusChange, StatusOutcome> apply) {
        List<Answered> out = new ArrayList<>();
        for (Pending p : pending(stateDir)) {
            out.add(new Answered(p, p.change() == null ? new StatusOutcome(false, null, p.problem())
                    : apply.apply(p.change())));
        }
        return out;
    }

    /** A request and what became of it. */
    public record Answered(Pending request, StatusOutcome outcome) {
        public void send() {
            answer(request, outcome);
        }
    }

    static byte[] encode(StatusChange c) {
        Properties p = new Properties();
        p.setProperty("fingerprint", c.fingerprint());
        p.setProperty("action", c.action().word());
        if (c.release() != null) {
            p.setProperty("release", c.release());
        }
        p.setProperty("nextRelease", Boolean.toString(c.nextRelease()));
        return store(p);
    }

    private static byte[] store(Properties p) {
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }
}
