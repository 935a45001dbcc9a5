package dev.logtally.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.aggregate.Aggregator;
import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.aggregate.MetricFamily;
import dev.logtally.aggregate.MetricSnapshot;
import dev.logtally.aggregate.MetricType;
import dev.logtally.aggregate.SelfMetrics;
import dev.logtally.aggregate.Series;
import dev.logtally.aggregate.Snapshots;
import dev.logtally.parse.Event;
import dev.logtally.testing.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path tmp;

    private static byte[] golden() throws IOException {
        try (var in = CheckpointStoreTest.class.getResourceAsStream("/state/golden-checkpoint.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aFormat1CheckpointStillReadsWithNoErrorGroups() throws IOException {
        byte[] v1;
        try (var in = CheckpointStoreTest.class.getResourceAsStream("/state/golden-checkpoint-v1.json")) {
            v1 = in.readAllBytes();
        }
        try (CheckpointStore store = CheckpointStore.open(withFile(v1))) {
            assertEquals(Fixtures.goldenV1(), store.load().orElseThrow());
        }
    }

    private static String corrupt(Path file, String why) {
        return "state file " + file + " is corrupt (" + why + "); move it away to start over, which resets all counters";
    }

    private StateException loadFails(Path dir) {
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            return assertThrows(StateException.class, store::load);
        }
    }

    private Path withFile(byte[] content) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Files.write(dir.resolve(CheckpointStore.FILE_NAME), content);
        return dir;
    }

    @Test
    void firstStartCreatesTheDirectoryLocksItAndLoadsNothing() throws IOException {
        Path dir = tmp.resolve("a/b/state");
        try (CheckpointStore store = CheckpointStore.open(dir)) {
            assertTrue(Files.isDirectory(dir));
            assertEquals(Optional.empty(), store.load());
            assertEquals(dir.resolve("checkpoint.json"), store.file());
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve("lock")));
        }
    }

    @Test
    void aFixedCheckpointIsWrittenAsTheGoldenFileByteForByte() throws IOException {
        assertEquals(new String(golden(), StandardCharsets.UTF_8),
                new String(CheckpointCodec.encode(Fixtures.golden()), StandardCharsets.UTF_8));
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            store.save(Fixtures.golden());
            assertArrayEquals(golden(), Files.readAllBytes(store.file()));
        }
    }

    @Test
    void theGoldenFileReadsBackToTheSameBits() throws IOException {
        try (CheckpointStore store = CheckpointStore.open(withFile(golden()))) {
            Checkpoint cp = store.load().orElseThrow();
            assertEquals(Fixtures.golden(), cp); // Series.equals compares doubles bit by bit (-0.0 ≠ 0.0)
            MetricFamily ratio = cp.metrics().family("loka_stratum_pool_ratio").orElseThrow();
            assertEquals(Double.doubleToRawLongBits(0.1 + 0.2), Double.doubleToRawLongBits(ratio.series().get(0).value()));
            assertEquals(Long.MAX_VALUE, cp.metrics().family("loka_stratum_request_duration_seconds").orElseThrow()
                    .series().get(0).sumNanos());
        }
    }

    @Test
    void saveReplacesTheCheckpoint() {
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            store.save(ChildProcesses.numbered(1));
            store.save(ChildProcesses.numbered(2));
            assertEquals(ChildProcesses.numbered(2), store.load().orElseThrow());
            assertFalse(Files.exists(tmp.resolve("checkpoint.json.tmp")));
        }
    }

    @Test
    void aTempFileLeftByACrashIsIgnoredAndRemoved() throws IOException {
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            store.save(ChildProcesses.numbered(1));
        }
        byte[] next = CheckpointCodec.encode(ChildProcesses.numbered(2));
        Files.write(tmp.resolve("checkpoint.json.tmp"), java.util.Arrays.copyOf(next, next.length / 2));
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            assertFalse(Files.exists(tmp.resolve("checkpoint.json.tmp")));
            assertEquals(ChildProcesses.numbered(1), store.load().orElseThrow());
        }
    }

    @Test
    void aFailedSaveKeepsThePreviousCheckpoint() throws IOException {
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            store.save(ChildProcesses.numbered(1));
            Files.createDirectories(tmp.resolve("checkpoint.json.tmp/in-the-way"));
            StateException e = assertThrows(StateException.class, () -> store.save(ChildProcesses.numbered(2)));
            assertTrue(e.getMessage().startsWith("state file " + store.file() + " cannot be written ("), e.getMessage());
            assertEquals(ChildProcesses.numbered(1), store.load().orElseThrow());
        }
    }

    /** Kills a JVM that saves in a loop, several times: the checkpoint is always whole, never a torn write. */
    @Test
    void aKilledWriterLeavesTheOldOrTheNewCheckpointNeverATornOne() throws Exception {
        long last = 0;
        for (int round = 0; round < 3; round++) {
            Process child = ChildProcesses.start(ChildProcesses.SaveForever.class, tmp.toString());
            try {
                long floor = last;
                Poll.until(Duration.ofSeconds(60), "the child to save a few more checkpoints", () -> savedAt() > floor + 20);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            try (CheckpointStore store = CheckpointStore.open(tmp)) {
                assertFalse(Files.exists(tmp.resolve("checkpoint.json.tmp")));
                Checkpoint cp = store.load().orElseThrow();
                assertTrue(cp.savedAtMillis() > last + 20);
                assertEquals(ChildProcesses.numbered(cp.savedAtMillis()), cp);
                last = cp.savedAtMillis();
            }
        }
    }

    /** The checkpoint's number, read the way a second process would (no lock); 0 when absent or mid-rename. */
    private long savedAt() {
        try {
            return CheckpointCodec.decode(Files.readAllBytes(tmp.resolve("checkpoint.json")), tmp).savedAtMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void nanIsNeverWritten() throws IOException {
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            store.save(ChildProcesses.numbered(1));
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
                Checkpoint cp = Checkpoint.of(2, "app", List.of(), new MetricSnapshot(List.of(new MetricFamily("app_q",
                        MetricType.GAUGE, "h", List.of(), null, List.of(Series.gauge(List.of(), bad))))));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save(cp));
                assertEquals("a checkpoint never holds " + bad + ", but app_q does", e.getMessage());
            }
            assertEquals(ChildProcesses.numbered(1), store.load().orElseThrow());

            // A real aggregator: gauges never seen are absent, not NaN.
            SelfMetrics self = new SelfMetrics("t", Clock.systemUTC());
            Aggregator agg = new Aggregator(AggregatorOptions.defaults("app").withGauges(List.of("a", "b")), self);
            agg.apply(new Event(Event.NO_TIME, "ERROR", null, null, null, null, "GET", Double.NaN,
                    new double[] {Double.NaN, 4}, null, null, null, null, null, null, null));
            store.save(Checkpoint.of(3, "app", List.of(), Snapshots.combine(agg.snapshot(), self.checkpointed())));
            String text = Files.readString(store.file());
            assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
            assertTrue(text.contains("\"name\": \"app_b\""), text);
        }
    }

    @Test
    void aDamagedOrEditedFileIsReportedAsCorrupt() throws IOException {
        byte[] good = golden();
        int bodyStart = new String(good, StandardCharsets.UTF_8).indexOf('\n') + 1;
        int bodyBytes = good.length - bodyStart;

        byte[] edited = new String(good, StandardCharsets.UTF_8).replace("\"value\": 3.0", "\"value\": 4.0")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(good.length, edited.length);
        Path dir = withFile(edited);
        Path file = dir.resolve("checkpoint.json");
        assertEquals(corrupt(file, "checksum mismatch: it was damaged or edited after logtally wrote it"),
                loadFails(dir).getMessage());

        byte[] flipped = good.clone();
        flipped[good.length - 10] ^= 0x20;
        withFile(flipped);
        assertEquals(corrupt(file, "checksum mismatch: it was damaged or edited after logtally wrote it"),
                loadFails(dir).getMessage());

        withFile(java.util.Arrays.copyOf(good, good.length - 100));
        assertEquals(corrupt(file, "truncated: " + (bodyBytes - 100) + " of " + bodyBytes + " bytes"),
                loadFails(dir).getMessage());

        withFile(java.util.Arrays.copyOf(good, bodyStart));
        assertEquals(corrupt(file, "truncated: 0 of " + bodyBytes + " bytes"), loadFails(dir).getMessage());

        withFile((new String(good, StandardCharsets.UTF_8) + "{}\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(corrupt(file, "3 unexpected bytes at the end"), loadFails(dir).getMessage());

        withFile(new byte[0]);
        assertEquals(corrupt(file, "the file is empty"), loadFails(dir).getMessage());

        withFile("{\"format\":\"logtally-checkpoint\",\"bodyBytes\":2}\n{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(corrupt(file, "its header is incomplete"), loadFails(dir).getMessage());
    }

    @Test
    void aForeignFileIsNotTakenForACheckpoint() throws IOException {
        String expected = "state file %s is not a logtally checkpoint (it does not start with a logtally-checkpoint"
                + " header); point --state-dir at logtally's own directory, or move the file away to start over,"
                + " which resets all counters";
        for (String foreign : new String[] {"{\"format\":\"other\",\"version\":1}\n{}\n", "{\"a\":[1,2]}\n",
                "positions=1\n", "\u0000\u0001\u0002 binary", "x".repeat(5000)}) {
            Path dir = withFile(foreign.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(String.format(expected, dir.resolve("checkpoint.json")), loadFails(dir).getMessage(), foreign);
        }
    }

    @Test
    void aCheckpointFromANewerVersionIsRefused() throws IOException {
        String text = new String(golden(), StandardCharsets.UTF_8).replace("\"version\":2,", "\"version\":3,");
        Path dir = withFile(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("state file " + dir.resolve("checkpoint.json") + " was written by a newer logtally (format 3;"
                + " this one reads up to 2); run that version, or move the file away to start over, which resets all"
                + " counters", loadFails(dir).getMessage());
    }

    @Test
    void aBodyWithAValidChecksumButBadContentIsCorrupt() throws Exception {
        String[][] cases = {
                {"{\"namespace\":\"app\",\"positions\":[],\"metrics\":[]}", "invalid content: savedAtMillis is missing"},
                {"{\"savedAtMillis\":1,\"namespace\":\"app\",\"positions\":[],\"metrics\":[{\"name\":\"m\",\"type\":\"summary\","
                        + "\"labelNames\":[],\"series\":[]}]}", "invalid content: unknown type summary of m"},
                {"{\"savedAtMillis\":1,\"namespace\":\"app\",\"positions\":[],\"metrics\":[{\"name\":\"m\",\"type\":\"gauge\","
                        + "\"labelNames\":[],\"series\":[{\"labels\":[],\"value\":\"NaN\"}]}]}", null},
                {"{\"savedAtMillis\":1,\"namespace\":\"app\",\"positions\":[],\"metrics\":[{\"name\":\"m\",\"type\":\"histogram\","
                        + "\"labelNames\":[],\"buckets\":[1.0],\"series\":[{\"labels\":[],\"buckets\":[1],\"sumNanos\":1}]}]}",
                        "invalid content: m[] has 1 buckets, not 2"},
                {"{\"savedAtMillis\":1,\"namespace\":\"app\",\"extra\":1,\"positions\":[],\"metrics\":[]}", null},
        };
        for (String[] c : cases) {
            byte[] body = (c[0] + "\n").getBytes(StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            String header = "{\"format\":\"logtally-checkpoint\",\"version\":1,\"bodyBytes\":" + body.length
                    + ",\"sha256\":\"" + sha + "\"}\n";
            Path dir = withFile((header + c[0] + "\n").getBytes(StandardCharsets.UTF_8));
            String message = loadFails(dir).getMessage();
            Path file = dir.resolve("checkpoint.json");
            if (c[1] != null) {
                assertEquals(corrupt(file, c[1]), message);
            } else {
                assertTrue(message.startsWith("state file " + file + " is corrupt (invalid content: ")
                        && message.endsWith("); move it away to start over, which resets all counters")
                        && !message.contains("\n"), message);
            }
        }
    }

    @Test
    void anUnreadableFileIsReportedNotReset() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Files.createDirectories(dir.resolve("checkpoint.json")); // reading it fails with EISDIR
        StateException e = loadFails(dir);
        assertTrue(e.getMessage().startsWith("state file " + dir.resolve("checkpoint.json") + " cannot be read ("),
                e.getMessage());
    }

    /**
     * Root reads any file, so as root the load runs in a child JVM without the capabilities that bypass file
     * permissions (setpriv, from util-linux).
     */
    @Test
    void aFileWithoutReadPermissionIsReported() throws Exception {
        Path dir = withFile(golden());
        Path file = dir.resolve("checkpoint.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        String expected = "state file " + file + " cannot be read (permission denied); give the user running logtally"
                + " read and write access to " + dir;
        if (!Files.isReadable(file)) {
            assertEquals(expected, loadFails(dir).getMessage());
            return;
        }
        Process child;
        try {
            child = ChildProcesses.start(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search"),
                    ChildProcesses.Load.class, dir.toString());
        } catch (IOException e) {
            throw new AssertionError("running as root needs setpriv (Debian package util-linux) for this test", e);
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(expected + "\n", out);
    }

    @Test
    void aSecondOpenInThisProcessIsRefusedUntilTheFirstCloses() throws IOException {
        CheckpointStore first = CheckpointStore.open(tmp);
        StateException e = assertThrows(StateException.class, () -> CheckpointStore.open(tmp.resolve(".")));
        assertEquals("state dir " + tmp + " is in use by another logtally (in this process) (it holds " + tmp.resolve("lock")
                + "); stop it, or give this one another --state-dir", e.getMessage());
        Path link = Files.createSymbolicLink(tmp.resolveSibling(tmp.getFileName() + "-link"), tmp);
        try {
            e = assertThrows(StateException.class, () -> CheckpointStore.open(link));
            assertEquals("state dir " + link + " is in use by another logtally (in this process) (it holds "
                    + link.resolve("lock") + "); stop it, or give this one another --state-dir", e.getMessage());
        } finally {
            Files.delete(link);
        }
        first.save(ChildProcesses.numbered(1)); // the refused opens did not disturb the lock or the store
        first.close();
        first.close();
        try (CheckpointStore again = CheckpointStore.open(tmp)) {
            assertEquals(ChildProcesses.numbered(1), again.load().orElseThrow());
        }
    }

    @Test
    void aDirLockedByAnotherProcessIsRefusedWithItsPid() throws Exception {
        Process child = ChildProcesses.start(ChildProcesses.HoldLock.class, tmp.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked " + tmp, out.readLine());
            StateException e = assertThrows(StateException.class, () -> CheckpointStore.open(tmp));
            assertEquals("state dir " + tmp + " is in use by another logtally (pid " + child.pid() + ") (it holds "
                    + tmp.resolve("lock") + "); stop it, or give this one another --state-dir", e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(0, child.exitValue());
        try (CheckpointStore store = CheckpointStore.open(tmp)) {
            assertEquals(Optional.empty(), store.load());
        }
    }

    @Test
    void aStateDirThatIsAFileIsReported() throws IOException {
        Path notADir = Files.writeString(tmp.resolve("f"), "x");
        StateException e = assertThrows(StateException.class, () -> CheckpointStore.open(notADir));
        assertEquals("state dir " + notADir + " cannot be created (a file of that name is in the way: " + notADir + ")",
                e.getMessage());
    }
}
