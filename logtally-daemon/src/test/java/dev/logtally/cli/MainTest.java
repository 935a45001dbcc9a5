package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        for (String c : new String[] {"tail", "replay", "trace", "errors", "demo"}) {
            assertTrue(out.toString().contains("\n  " + c + " "), c + " missing from:\n" + out);
        }
    }

    @Test
    void unknownFlagIsOneLineAndExit2() {
        assertEquals(2, run("--no-such-flag"));
        String[] lines = err.toString().split("\n");
        assertEquals("logtally: Unknown option: '--no-such-flag'", lines[0]);
        assertTrue(!err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void noCommandIsUsageError() {
        assertEquals(2, run());
    }
}
