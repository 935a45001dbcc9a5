package dev.logtally.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.ErrorGroupOptions;
import dev.logtally.aggregate.ErrorGroups;
import dev.logtally.aggregate.GroupStatus;
import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import dev.logtally.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusRequestsTest {
    /** The tailer's clock: a change is stamped with its time. */
    private static final Clock TAILER_CLOCK = Clock.fixed(java.time.Instant.parse("2026-12-02T10:00:00Z"), java.time.ZoneOffset.UTC);

    private static final String FP = "0f3c2a9e8d7b6a51";

    @TempDir
    Path tmp;

    private Path stateWithGroups() {
        Path dir = tmp.resolve("state");
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            store.save(Fixtures.golden());
        }
        return dir;
    }

    private static GroupStatus statusIn(Path dir) {
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            return store.load().orElseThrow().groups().groups().stream().filter(g -> g.fingerprint().equals(FP))
                    .findFirst().orElseThrow().status();
        }
    }

    @Test
    void withNoTailerTheChangeIsMadeUnderTheLockAndEverythingElseStays() {
        Path dir = stateWithGroups();
        StatusOutcome o = StatusRequests.submit(dir, StatusChange.ignore(FP), Duration.ofSeconds(5), Clock.systemUTC());
        assertTrue(o.applied());
        assertEquals(FP + ": ignored", o.message());
        assertEquals(GroupStatus.State.IGNORED, statusIn(dir).state());
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            Checkpoint cp = store.load().orElseThrow();
            assertEquals(Fixtures.golden().metrics(), cp.metrics());
            assertEquals(Fixtures.golden().positions(), cp.positions());
        }
        assertFalse(StatusRequests.submit(dir, StatusChange.reopen("nope"), Duration.ofSeconds(5), Clock.systemUTC())
                .applied());
    }

    @Test
    void withATailerHoldingTheLockARequestFileIsAnsweredAfterItsCheckpoint() throws Exception {
        Path dir = stateWithGroups();
        try (CheckpointStore tailer = CheckpointStore.open(dir)) {
            CompletableFuture<StatusOutcome> cli = CompletableFuture.supplyAsync(() -> StatusRequests.submit(dir,
                    StatusChange.resolve(FP).inRelease("2.5.0"), Duration.ofSeconds(30), Clock.systemUTC()));
            // The tailer's side, as FollowPipeline.checkpoint does it: apply, save, then answer.
            Checkpoint cp = tailer.load().orElseThrow();
            ErrorGroups groups = ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults(), TAILER_CLOCK);
            groups.restore(cp.groups());
            Poll.until(Duration.ofSeconds(30), "the request file", () -> {
                List<StatusRequests.Answered> answered = StatusRequests.applyAll(dir, groups::change);
                if (answered.isEmpty()) {
                    return false;
                }
                tailer.save(cp.withGroups(groups.state()));
                answered.forEach(StatusRequests.Answered::send);
                return true;
            });
            StatusOutcome o = cli.get();
            assertTrue(o.applied(), o.message());
            assertEquals(FP + ": resolved in 2.5.0", o.message());
        }
        assertEquals(GroupStatus.resolvedIn("2.5.0", TAILER_CLOCK.millis()), statusIn(dir));
        try (var files = Files.list(dir.resolve("requests"))) {
            assertEquals(List.of(), files.toList()); // request and answer both removed
        }
    }

    @Test
    void aMissingStateDirIsSaidInOneLine() {
        StateException e = assertThrows(StateException.class, () -> StatusRequests.submit(tmp.resolve("none"),
                StatusChange.ignore(FP), Duration.ofSeconds(1), Clock.systemUTC()));
        assertEquals("state dir " + tmp.resolve("none") + " does not exist: no tailer has run with it", e.getMessage());
    }

    @Test
    void aDirectoryWithoutACheckpointIsRefusedAndLeftAsItWas() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        StateException e = assertThrows(StateException.class, () -> StatusRequests.submit(other,
                StatusChange.ignore(FP), Duration.ofSeconds(1), Clock.systemUTC()));
        assertEquals("no checkpoint in " + other + ": not a tailer's state dir, or no error groups yet", e.getMessage());
        try (var files = Files.list(other)) {
            assertEquals(List.of(), files.toList()); // no lock file left behind
        }
    }
}
