package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathPatternTest {
    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.createFile(p);
        return p;
    }

    @Test
    void aGlobInTheFileNameMatchesRegularFilesOfThatDirectoryOnly() throws IOException {
        Path a = touch("a.log");
        Path b = touch("b.log");
        touch("c.txt");
        touch("sub/d.log");
        Files.createDirectory(dir.resolve("e.log"));
        PathPattern p = PathPattern.of(dir + "/*.log");
        assertEquals(true, p.glob());
        assertEquals(List.of(a, b), p.expand());
    }

    @Test
    void wildcardsMayStandInAnyComponentAndStarStarGoesDeep() throws IOException {
        Path x = touch("svc1/logs/app.log");
        Path y = touch("svc2/logs/app.log");
        Path z = touch("svc2/logs/deeper/app.log");
        assertEquals(List.of(x, y), PathPattern.of(dir + "/*/logs/app.log").expand());
        assertEquals(List.of(x, y, z), PathPattern.of(dir + "/**/app.log").expand());
    }

    @Test
    void aPlainNameIsItselfWhetherOrNotItExists() {
        PathPattern p = PathPattern.of(dir + "/./missing.log");
        assertEquals(false, p.glob());
        assertEquals(List.of(dir.resolve("missing.log")), p.expand());
        assertEquals(dir.resolve("missing.log").toString(), p.spec());
    }

    @Test
    void aGlobOverAMissingDirectoryMatchesNothing() {
        assertEquals(List.of(), PathPattern.of(dir + "/nope/*.log").expand());
    }
}
