package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.archive.FirstEvents;
import dev.logtally.archive.Fixtures;
import dev.logtally.archive.LogFile;
import dev.logtally.archive.LogInputs;
import dev.logtally.archive.Progress;
import dev.logtally.archive.Replay;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress display: chosen once, drawn by the progressbar library, ends at the files' whole size. */
class ProgressTest {
    @Test
    void theBarEndsAtEveryByteWithTheLineRate() {
        List<String> rendered = Collections.synchronizedList(new ArrayList<>());
        List<LogFile> files = FirstEvents.oldestFirst(LogInputs.expand(List.of(Fixtures.sampleDir().toString())).files(),
                dev.logtally.pipeline.Pipeline.parserOptions(Fixtures.options()), 1 << 20);
        long total = files.stream().mapToLong(LogFile::contentBytes).sum();
        Replay.Result r;
        try (ProgressBar bar = new ProgressBar(rendered::add, "replay")) {
            r = new Replay(Fixtures.options(), Fixtures.LATER, 2, 0).run(files, bar);
        }
        assertEquals(6001, r.lines());
        String last = rendered.get(rendered.size() - 1);
        assertTrue(last.startsWith("replay 100%"), last);
        long mib = total >> 20;
        assertTrue(last.contains("] " + mib + "/" + mib + " MiB ("), last);
        assertTrue(last.matches(".* [0-9.]+[kM]? lines/s$"), last);
    }

    @Test
    void withoutATerminalOrTheFlagThereIsNoProgressAtAll() {
        // Surefire's forked JVM writes stderr to a pipe, not a terminal.
        assertFalse(Terminal.stderrIsTerminal());
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertSame(Progress.NONE, Terminal.progress(false, err, "replay"));
        assertTrue(Terminal.progress(true, err, "replay") instanceof ProgressBar);
    }

    @Test
    void ratesReadAtAGlance() {
        assertEquals("950", ProgressBar.rate(950));
        assertEquals("12.5k", ProgressBar.rate(12_499));
        assertEquals("1.52M", ProgressBar.rate(1_523_000));
    }
}
