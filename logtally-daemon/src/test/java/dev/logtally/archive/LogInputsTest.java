package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.pipeline.Pipeline;
import dev.logtally.base.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PATH arguments: files, directories, globs, Logback's transient files, and the order of reading. */
class LogInputsTest {
    @TempDir
    Path tmp;

    private static String at(String time) {
        return line("@timestamp", q(time), "level", q("INFO"), "message", q("m"));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void aDirectoryGivesItsLogFilesOnly() {
        Fixtures.write(tmp.resolve("app.log"), at("2026-11-20T08:00:00Z"));
        Fixtures.gzip(tmp.resolve("app.2026-11-19.0.log.gz"), at("2026-11-19T08:00:00Z"));
        Fixtures.write(tmp.resolve("app.log.1"), at("2026-11-18T08:00:00Z"));
        Fixtures.write(tmp.resolve("app-2026-11-19.1.json540826378242.tmp"), at("2026-11-19T09:00:00Z"));
        Fixtures.write(tmp.resolve("README.md"), "not a log\n");
        Fixtures.write(tmp.resolve(".app.log.swp"), "editor\n");
        assertEquals(List.of("app-2026-11-19.1.json540826378242.tmp", "app.2026-11-19.0.log.gz", "app.log", "app.log.1"),
                names(LogInputs.expand(List.of(tmp.toString())).files()));
    }

    @Test
    void aGzStillBeingCompressedIsSkippedForItsUncompressedSibling() {
        // Logback 1.5: <archive minus .gz><nanoTime>.tmp beside the .gz being written; 1.6: <archive minus .gz>.
        Fixtures.write(tmp.resolve("app-2026-11-24.0.json540826378242.tmp"), at("2026-11-24T08:00:00Z"));
        Fixtures.gzip(tmp.resolve("app-2026-11-24.0.json.gz"), "{\"@timestamp\":\"2026-11-24T08:00");
        Fixtures.write(tmp.resolve("app.2026-11-24.1.log"), at("2026-11-24T09:00:00Z"));
        Fixtures.gzip(tmp.resolve("app.2026-11-24.1.log.gz"), "");
        Fixtures.gzip(tmp.resolve("app.2026-11-24.2.log.gz"), at("2026-11-24T10:00:00Z"));
        LogInputs.Expanded in = LogInputs.expand(List.of(tmp.toString()));
        assertEquals(List.of("app-2026-11-24.0.json540826378242.tmp", "app.2026-11-24.1.log", "app.2026-11-24.2.log.gz"),
                names(in.files()));
        assertEquals(List.of(
                "skipping " + tmp.resolve("app-2026-11-24.0.json.gz") + ": still being compressed from "
                        + "app-2026-11-24.0.json540826378242.tmp, which is read instead",
                "skipping " + tmp.resolve("app.2026-11-24.1.log.gz") + ": still being compressed from "
                        + "app.2026-11-24.1.log, which is read instead"), in.notes());
    }

    @Test
    void globsAndFilesAreTakenAsNamedAndOnce() {
        Path a = Fixtures.gzip(tmp.resolve("logs/app.1.log.gz"), at("2026-11-20T08:00:00Z"));
        Fixtures.gzip(tmp.resolve("logs/app.2.log.gz"), at("2026-11-20T09:00:00Z"));
        Fixtures.write(tmp.resolve("logs/notes.txt"), "x\n");
        List<Path> files = LogInputs.expand(List.of(tmp + "/logs/*.gz", a.toString(), tmp + "/logs/notes.txt")).files();
        assertEquals(List.of("app.1.log.gz", "app.2.log.gz", "notes.txt"), names(files));
    }

    @Test
    void filesAreReadInTheOrderOfTheirFirstEventNotOfTheirNames() {
        Path active = Fixtures.write(tmp.resolve("app.log"), "garbage first line\n" + at("2026-11-20T10:00:00Z"));
        Path newer = Fixtures.gzip(tmp.resolve("app.2026-11-20.0.log.gz"), at("2026-11-20T09:00:00Z"));
        Path older = Fixtures.gzip(tmp.resolve("app.2026-11-20.1.log.gz"), at("2026-11-20T08:00:00Z").repeat(50));
        Path empty = Fixtures.write(tmp.resolve("app.empty.log"), "");
        List<LogFile> ordered = FirstEvents.oldestFirst(List.of(empty, active, newer, older),
                Pipeline.parserOptions(Fixtures.options()), 1 << 20);
        assertEquals(List.of(older, newer, active, empty), ordered.stream().map(LogFile::path).toList());
        assertEquals(50L * at("2026-11-20T08:00:00Z").length(), ordered.get(0).contentBytes(),
                "gzip's trailer gives the content size");
    }

    @Test
    void argumentsThatNameNoLogAreUsageErrorsNamingThem() {
        Path emptyDir = tmp.resolve("empty");
        Fixtures.write(emptyDir.resolve("README.md"), "no logs here\n");
        assertEquals(emptyDir + ": no log files in this directory (looked for names with .log or .json, and .gz or .tmp archives)",
                assertThrows(ConfigException.class, () -> LogInputs.expand(List.of(emptyDir.toString()))).getMessage());
        assertEquals(tmp.resolve("nope") + ": no such file or directory",
                assertThrows(ConfigException.class, () -> LogInputs.expand(List.of(tmp.resolve("nope").toString()))).getMessage());
        assertEquals(tmp + "/*.gz: matches no file",
                assertThrows(ConfigException.class, () -> LogInputs.expand(List.of(tmp + "/*.gz"))).getMessage());
        assertEquals(true, Files.isDirectory(emptyDir));
    }
}
