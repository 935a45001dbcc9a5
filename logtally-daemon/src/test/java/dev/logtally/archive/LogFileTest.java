package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content size {@link LogFile} estimates for the progress bar, by what the file holds rather than its name. */
class LogFileTest {
    private static final String CONTENT = "{\"@timestamp\":\"2026-11-20T08:00:00Z\",\"message\":\"m\"}\n".repeat(200);

    @TempDir
    Path tmp;

    @Test
    void gzipUnderAnotherNameIsKnownByItsMagicBytesAndSizedByItsTrailer() throws Exception {
        Path tmpArchive = Fixtures.gzip(tmp.resolve("app-2026-11-19.1.json540826378242.tmp"), CONTENT);
        assertEquals(CONTENT.length(), LogFile.of(tmpArchive).contentBytes());
        Path gz = Fixtures.gzip(tmp.resolve("app.2026-11-19.0.log.gz"), CONTENT);
        assertEquals(CONTENT.length(), LogFile.of(gz).contentBytes());
    }

    @Test
    void aPlainFileIsItsSizeAndAMissingOneIsZero() throws Exception {
        Path plain = Fixtures.write(tmp.resolve("app.log"), CONTENT);
        assertEquals(Files.size(plain), LogFile.of(plain).contentBytes());
        assertEquals(CONTENT.length(), LogFile.of(plain).contentBytes());
        assertEquals(0, LogFile.of(tmp.resolve("gone.log")).contentBytes());
    }
}
