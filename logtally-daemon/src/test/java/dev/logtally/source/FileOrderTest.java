package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one order of files read whole: first event time, then the name as rotations number it, then the path. */
class FileOrderTest {
    private static final long T = 1_795_000_000_000L;

    @Test
    void theFirstEventDecidesWhateverTheNames() {
        Map<Path, Long> first = Map.of(
                Path.of("logs/app.log"), T + 2,
                Path.of("logs/app.2026-11-24.0.log.gz"), T + 1,
                Path.of("logs/app.2026-11-24.1.log.gz"), T,
                Path.of("logs/app.empty.log"), FileOrder.NO_TIME);
        assertEquals(List.of(Path.of("logs/app.2026-11-24.1.log.gz"), Path.of("logs/app.2026-11-24.0.log.gz"),
                        Path.of("logs/app.log"), Path.of("logs/app.empty.log")),
                FileOrder.oldestFirst(List.of(Path.of("logs/app.log"), Path.of("logs/app.empty.log"),
                        Path.of("logs/app.2026-11-24.0.log.gz"), Path.of("logs/app.2026-11-24.1.log.gz")), first::get));
    }

    @Test
    void withoutATimeTheNameDecidesAsRotationsNumberIt() {
        // By path alone, .10 would come before .9 and the .gz before its day's plain file.
        List<Path> files = List.of(Path.of("a/app.2026-11-24.10.log"), Path.of("a/app.2026-11-24.9.log.gz"),
                Path.of("a/app.2026-11-24.2.log"), Path.of("a/app.2026-11-23.11.log.gz"));
        assertEquals(List.of(Path.of("a/app.2026-11-23.11.log.gz"), Path.of("a/app.2026-11-24.2.log"),
                        Path.of("a/app.2026-11-24.9.log.gz"), Path.of("a/app.2026-11-24.10.log")),
                FileOrder.oldestFirst(files, p -> FileOrder.NO_TIME));
    }

    @Test
    void theSameTimeAndNameFallBackToThePath() {
        List<Path> files = List.of(Path.of("b/app.log"), Path.of("a/app.log"));
        assertEquals(List.of(Path.of("a/app.log"), Path.of("b/app.log")), FileOrder.oldestFirst(files, p -> T));
    }
}
