package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    @TempDir
    Path dir;

    private final ArchiveReader reader = new ArchiveReader(1 << 20);

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAPlainFileWithOffsets() throws IOException {
        Path f = dir.resolve("app.log");
        Logs.lines(f, "a", "bb");
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(f, c);
        assertEquals(List.of(new Collector.Got(f.toString(), 0, 2, "a", false), new Collector.Got(f.toString(), 2, 5, "bb", false)), c.got);
        assertEquals(new ArchiveReader.Result(f, 5, 2, 0, null), r);
    }

    @Test
    void readsGzipWithOffsetsOfTheUncompressedContent() throws IOException {
        List<String> lines = Logs.numbered("gz", 0, 5000);
        Path gz = dir.resolve("app.2026-11-24.0.log.gz");
        Files.write(gz, Logs.gzipBytes(bytes(lines)));
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(gz, c);
        assertEquals(lines, c.texts());
        assertEquals(bytes(lines).length, r.end());
        assertEquals(5000, r.lines());
        assertNull(r.damage());
        Collector.Got third = c.got.get(2);
        assertEquals(bytes(lines.subList(0, 2)).length, third.offset());
    }

    @Test
    void readsEveryMemberOfAMultiMemberGzip() throws IOException {
        List<String> first = Logs.numbered("m1", 0, 300);
        List<String> second = Logs.numbered("m2", 0, 300);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(Logs.gzipBytes(bytes(first)));
        both.write(Logs.gzipBytes(bytes(second)));
        Path gz = dir.resolve("multi.log.gz");
        Files.write(gz, both.toByteArray());
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(gz, c);
        assertEquals(600, r.lines());
        assertEquals(first, c.texts().subList(0, 300));
        assertEquals(second, c.texts().subList(300, 600));
        assertNull(r.damage());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesUnderAnotherName() throws IOException {
        Path f = dir.resolve("app.2026-11-24.0.log");
        Files.write(f, Logs.gzipBytes(bytes(List.of("x", "y"))));
        Collector c = new Collector();
        reader.read(f, c);
        assertEquals(List.of("x", "y"), c.texts());
    }

    @Test
    void readsLogbacksTmpFileAsPlain() throws IOException {
        Path tmp = dir.resolve("app.2026-11-24.0.log540826378242.tmp");
        Logs.lines(tmp, "t1", "t2");
        Collector c = new Collector();
        assertEquals(2, reader.read(tmp, c).lines());
        assertEquals(List.of("t1", "t2"), c.texts());
    }

    @Test
    void startsAtAnOffsetInPlainAndInGzip() throws IOException {
        List<String> lines = Logs.numbered("o", 0, 3000);
        byte[] content = bytes(lines);
        long offset = bytes(lines.subList(0, 1234)).length;
        Path plain = dir.resolve("p.log");
        Files.write(plain, content);
        Path gz = dir.resolve("p.log.gz");
        Files.write(gz, Logs.gzipBytes(content));
        for (Path f : List.of(plain, gz)) {
            Collector c = new Collector();
            ArchiveReader.Result r = reader.read(f, offset, c);
            assertEquals(lines.subList(1234, 3000), c.texts(), f.toString());
            assertEquals(offset, c.got.get(0).offset());
            assertEquals(content.length, r.end());
        }
    }

    @Test
    void aTruncatedGzipDeliversTheLinesBeforeTheDamageAndSaysWhere() throws IOException {
        List<String> lines = Logs.numbered("t", 0, 20000);
        byte[] gz = Logs.gzipBytes(bytes(lines));
        Path f = dir.resolve("app.2026-11-24.3.log.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(f, c);
        int n = c.got.size();
        assertEquals(lines.subList(0, n), c.texts(), "a prefix, in order, nothing lost before the damage");
        assertEquals(true, n > 5000, "half the archive is readable: " + n);
        assertEquals(bytes(lines.subList(0, n)).length, r.end());
        assertEquals(f + ": truncated gzip: content ends inside a block after " + (r.end() + r.partialBytes()) + " bytes", r.damage());
    }

    @Test
    void aCorruptGzipSaysSoInOneLine() throws IOException {
        // Deflate cannot tell garbage from data; the CRC in the trailer does. A wrong CRC is found at the end.
        List<String> lines = Logs.numbered("c", 0, 2000);
        byte[] gz = Logs.gzipBytes(bytes(lines));
        gz[gz.length - 8] ^= 0x5a;
        Path f = dir.resolve("bad.log.gz");
        Files.write(f, gz);
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(f, c);
        assertEquals(lines, c.texts());
        assertEquals(new ArchiveReader.Result(f, bytes(lines).length, 2000, 0,
                f + ": corrupt gzip after " + bytes(lines).length + " bytes of content: Corrupt GZIP trailer"), r);
    }

    @Test
    void anEmptyGzipIsDamagedNotAnError() throws IOException {
        Path f = dir.resolve("empty.log.gz");
        Files.write(f, new byte[0]);
        ArchiveReader.Result r = reader.read(f, new Collector());
        assertEquals(new ArchiveReader.Result(f, 0, 0, 0, f + ": truncated gzip: no complete header"), r);
    }

    @Test
    void anIncompleteLastLineIsNotDeliveredButReported() throws IOException {
        Path f = dir.resolve("p.log");
        Logs.append(f, "done\nhalf a li");
        Collector c = new Collector();
        ArchiveReader.Result r = reader.read(f, c);
        assertEquals(List.of("done"), c.texts());
        assertEquals(new ArchiveReader.Result(f, 5, 1, 9, null), r);
    }

    @Test
    void aGzipShorterThanTheOffsetIsDamaged() throws IOException {
        Path f = dir.resolve("short.log.gz");
        Files.write(f, Logs.gzipBytes(bytes(List.of("abc"))));
        ArchiveReader.Result r = reader.read(f, 100, new Collector());
        assertEquals(f + ": content ends at byte 4, before the offset 100 to resume at", r.damage());
    }

    @Test
    void aMissingFileThrows() {
        assertThrows(NoSuchFileException.class, () -> reader.read(dir.resolve("nope.log"), new Collector()));
    }
}
