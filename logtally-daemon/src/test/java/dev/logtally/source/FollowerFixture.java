package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.fail;

import dev.logtally.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What the follower tests share: a directory, a hand-moved clock, a sink and the notices. */
abstract class FollowerFixture {
    static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    final ManualClock clock = ManualClock.atMillis(1_800_000_000_000L);
    final List<FollowerNotice> notices = new ArrayList<>();
    final Collector sink = new Collector();
    private final List<Follower> opened = new ArrayList<>();

    Path app() {
        return dir.resolve("app.log");
    }

    FollowerOptions options(String... paths) {
        List<String> abs = new ArrayList<>();
        for (String p : paths) {
            abs.add(dir.resolve(p).toString());
        }
        return FollowerOptions.of(abs).withClock(clock).withRotateWait(WAIT);
    }

    /** A restart from {@code positions}. */
    Follower resume(FollowerOptions options, List<FilePosition> positions) {
        Follower f = Follower.resume(options, positions, notices::add);
        opened.add(f);
        return f;
    }

    /** The very first start. */
    Follower follower(FollowerOptions options) {
        Follower f = Follower.firstStart(options, notices::add);
        opened.add(f);
        return f;
    }

    Follower follower(String... paths) {
        return follower(options(paths));
    }

    /** The positions without the entries naming the configured paths. */
    static List<FilePosition> files(List<FilePosition> positions) {
        List<FilePosition> out = new ArrayList<>();
        for (FilePosition p : positions) {
            if (!p.isMarker()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Polls until a poll reads nothing (bounded). */
    long drain(Follower f) {
        long total = 0;
        for (int i = 0; i < 10_000; i++) {
            long n = f.poll(sink);
            if (n == 0) {
                return total;
            }
            total += n;
        }
        fail("still reading after 10000 polls");
        return total;
    }

    /** Logback 1.6's rollover, first step: the active file renamed to the archive name without {@code .gz}. */
    Path rename(String to) throws IOException {
        Path target = dir.resolve(to);
        Files.move(app(), target);
        return target;
    }

    /** Logback's rollover, last steps: compress the renamed file into the archive name, delete it. */
    Path compress(Path tmp, String gzName) throws IOException {
        Path gz = dir.resolve(gzName);
        Logs.gzip(tmp, gz);
        Files.delete(tmp);
        return gz;
    }

    List<String> notices() {
        List<String> out = new ArrayList<>();
        for (FollowerNotice n : notices) {
            out.add(n.message());
        }
        return out;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @AfterEach
    void closeFollowers() {
        opened.forEach(Follower::close);
    }
}
