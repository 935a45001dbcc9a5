package dev.logtally.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code promtool check metrics} reads the 0.0.4 output. */
class TextFormatPromtoolTest {
    @TempDir
    Path tmp;

    @Test
    void promtoolParsesEverythingAndOnlyLintsTheFamilyWithoutHelp() throws Exception {
        Path text = tmp.resolve("metrics.prom");
        Files.writeString(text, TextFormat.render(Fixtures.snapshot()), StandardCharsets.UTF_8);
        Command check = Command.run(tmp, "promtool", "prometheus", text, "check", "metrics");
        // Exit code 3 = lint findings only (1 would be a parse error); the one finding is the family we left without help.
        assertEquals(new Command(3, "app_ratio no help text\n"), check);
    }
}
