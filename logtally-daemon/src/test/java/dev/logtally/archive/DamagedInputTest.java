package dev.logtally.archive;

import static dev.logtally.archive.Fixtures.line;
import static dev.logtally.archive.Fixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.PromText;
import dev.logtally.cli.ErrorsTool;
import dev.logtally.cli.TraceTool;
import dev.logtally.cli.ReplayTool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input: every readable line is counted, the file and the damage are named in one line on stderr,
 * the other files are read, the output is still written, and the exit code is 1 — never a stack trace.
 */
class DamagedInputTest {
    @TempDir
    Path tmp;

    private static String errorAt(int i) {
        return line("@timestamp", q(String.format("2026-11-20T08:00:%02dZ", i % 60)), "level", q("ERROR"),
                "error_type", q("timeout"), "service", q("s"), "correlation_id", q("req-" + i));
    }

    private static byte[] gz(String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aTruncatedGzCountsWhatIsReadableAndExitsOne() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(errorAt(i));
        }
        byte[] whole = gz(sb.toString());
        Path cut = tmp.resolve("app.2026-11-20.0.log.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Path fine = Fixtures.write(tmp.resolve("app.log"), line("@timestamp", q("2026-11-20T09:00:00Z"), "level", q("ERROR"),
                "error_type", q("timeout"), "service", q("s")));

        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(tmp.toString()), Fixtures.options(),
                ReplayTool.Format.PROMETHEUS, null, 2, false), run.out, run.err, Fixtures.LATER);

        assertEquals(1, run.code);
        String[] err = run.err().split("\n");
        assertEquals(1, err.length, run.err());
        assertTrue(err[0].startsWith("logtally: " + cut + ": truncated gzip: content ends inside a block after "), err[0]);
        assertFalse(run.err().contains("\tat "), "no stack trace");
        Map<String, Double> m = PromText.parse(run.out());
        double counted = m.get("loka_stratum_errors_total{error_type=\"timeout\",service=\"s\"}");
        double lines = m.get("logtally_lines_total");
        assertEquals(lines, counted, "every complete line before the damage, and the other file's line");
        assertTrue(lines > 500 && lines < 2001, "about half of the archive was readable: " + lines);
        assertTrue(fine.toFile().exists());
    }

    @Test
    void aCorruptGzIsNamedAndTheOtherToolsSayTheSame() throws Exception {
        byte[] whole = gz(errorAt(1) + errorAt(2));
        whole[whole.length / 2] ^= 0x55;
        whole[whole.length / 2 + 1] ^= 0x55;
        Path bad = tmp.resolve("app.1.log.gz");
        Files.write(bad, whole);
        Path notGz = Fixtures.write(tmp.resolve("app.2.log.gz"), "plain text under a .gz name\n");

        Fixtures.Run errors = new Fixtures.Run();
        errors.code = ErrorsTool.run(new ErrorsTool.Request(List.of(tmp.toString()), Fixtures.options(), null, null, 0,
                false, 2, false), errors.out, errors.err, Fixtures.LATER);
        assertEquals(1, errors.code);
        String[] err = errors.err().split("\n");
        assertEquals(2, err.length, errors.err());
        assertTrue(err[0].startsWith("logtally: " + bad + ": "), err[0]);
        assertEquals("logtally: " + notGz + ": not a valid gzip file: Not in GZIP format", err[1]);

        Fixtures.Run trace = new Fixtures.Run();
        trace.code = TraceTool.run(new TraceTool.Request("req-1", List.of(tmp.toString()), Fixtures.options(), false, 2,
                false), trace.out, trace.err);
        assertEquals(1, trace.code);
        assertTrue(trace.err().endsWith(errors.err()), trace.err());
    }

    @Test
    void aFileGoneBeforeItIsReadIsNamedAndTheRestIsRead() throws Exception {
        Path gone = Fixtures.write(tmp.resolve("a.log"), errorAt(1));
        Path kept = Fixtures.write(tmp.resolve("b.log"), errorAt(2));
        List<LogFile> files = List.of(LogFile.of(gone), LogFile.of(kept));
        Files.delete(gone);
        Replay.Result r = new Replay(Fixtures.options(), Fixtures.LATER, 2, 0).run(files, Progress.NONE);
        assertEquals(List.of(gone + ": cannot read: no such file"), r.problems());
        assertEquals(1.0, PromText.parse(dev.logtally.export.TextFormat.render(r.totals())).get("logtally_lines_total"));
    }

    @Test
    void aLastLineWithoutItsNewlineIsAPartialLine() {
        Path p = Fixtures.write(tmp.resolve("app.log"), errorAt(1) + "{\"@timestamp\":\"2026-11-20T08:00");
        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(p.toString()), Fixtures.options(),
                ReplayTool.Format.PROMETHEUS, null, 1, false), run.out, run.err, Fixtures.LATER);
        assertEquals(0, run.code, run.err());
        Map<String, Double> m = PromText.parse(run.out());
        assertEquals(1.0, m.get("logtally_parse_errors_total{reason=\"partial_line\"}"));
        assertEquals(1.0, m.get("logtally_lines_total"));
        assertEquals((double) errorAt(1).length() + 31, m.get("logtally_bytes_total"));
    }
}
