package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHeadTest {
    @TempDir
    Path dir;

    private static FileHead head(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FileHead.of(b, b.length);
    }

    @Test
    void theHashIsFnv1a64InHex() {
        assertEquals("cbf29ce484222325", FileHead.EMPTY.hash());
        assertEquals("af63dc4c8601ec8c", head("a").hash());
        assertEquals("85944171f73967e8", head("foobar").hash());
    }

    @Test
    void theSameContentCompressedHasTheSameHead() throws IOException {
        byte[] content = (String.join("\n", Logs.numbered("h", 0, 100)) + "\n").getBytes(StandardCharsets.UTF_8);
        Path plain = dir.resolve("a.log");
        Files.write(plain, content);
        Path gz = dir.resolve("a.log.gz");
        Files.write(gz, Logs.gzipBytes(content));
        FileHead p = FileHead.readContent(plain);
        assertEquals(FileHead.MAX, p.length());
        assertEquals(p.hash(), FileHead.readContent(gz).hash());
        Files.write(gz, Arrays.copyOf(Logs.gzipBytes(content), 30));
        assertEquals(true, p.startsWith(FileHead.readContent(gz)), "a half-written gzip shows a prefix");
    }

    @Test
    void onlyAWholeLineOrAFullHeadTellsFilesApartByContent() {
        assertEquals(false, head("{\"@timest").distinctive(9));
        assertEquals(true, head("{\"a\":1}\n{\"b\"").distinctive(12));
        assertEquals(false, head("{\"a\":1}\n{\"b\"").distinctive(7));
        assertEquals(true, head("{\"a\":1}\nmore").sameStart(head("{\"a\":1}\nmore and more")));
        assertEquals(false, head("{\"a\":1").sameStart(head("{\"a\":1}\n")));
        assertEquals(false, head("{\"a\":1}\nx").sameStart(head("{\"a\":2}\nx")));
        assertEquals(false, FileHead.EMPTY.sameStart(FileHead.EMPTY));
    }
}
