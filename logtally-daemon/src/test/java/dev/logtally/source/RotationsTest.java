package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RotationsTest {
    private static final Path DIR = Path.of("/var/log/app");

    @Test
    void oneRotationsPlainCopyAndItsGzipShareAKey() {
        String gz = Rotations.key(DIR.resolve("app.2026-11-24.0.log.gz"));
        assertEquals("/var/log/app/app.2026-11-24.0.log", gz);
        assertEquals(gz, Rotations.key(DIR.resolve("app.2026-11-24.0.log")));                 // Logback 1.6
        assertEquals(gz, Rotations.key(DIR.resolve("app.2026-11-24.0.log540826378242.tmp"))); // Logback 1.5
        assertEquals(gz, Rotations.key(DIR.resolve("../app/./app.2026-11-24.0.log")));         // the same file
        assertNotEquals(gz, Rotations.key(DIR.resolve("app.2026-11-24.1.log")));
        assertNotEquals(gz, Rotations.key(Path.of("/elsewhere/app.2026-11-24.0.log")));
        assertEquals(Rotations.key(DIR.resolve("app.log.1.gz")), Rotations.key(DIR.resolve("app.log.1"))); // logrotate
    }

    @Test
    void aGzipBesideItsPlainCopyIsPartialAndNamesTheCopy() {
        Path tmp = DIR.resolve("app.2026-11-24.1.log998.tmp");
        Path partial = DIR.resolve("app.2026-11-24.1.log.gz");
        Path whole = DIR.resolve("app.2026-11-24.0.log.gz");
        Path active = DIR.resolve("app.log");
        assertEquals(Map.of(partial, tmp), Rotations.partialArchives(List.of(whole, partial, tmp, active)));
        assertEquals(Map.of(), Rotations.partialArchives(List.of(whole, active)));
    }
}
