package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code logtally monitoring}'s handling of bad settings: one line naming the setting, exit 2, and nothing
 * written (not even an empty output directory); a good run writes the whole bundle.
 */
class MonitoringCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            colour = blue                                   | shop | colour: unknown key in SETTINGS
            error_ratio.max = five percent                  | shop | error_ratio.max: 'five percent' is not a number
            error_burst.max = 1e999                         | shop | error_burst.max: '1e999' is out of range (above 0)
            lag.max = -3                                    | shop | lag.max: '-3' is out of range (above 0)
            latency.objective.checkout = slow               | shop | latency.objective.checkout: 'slow' is not a number
            service = shop api                              | shop | service: 'shop api' is not valid (letters, digits, '_', '.', '-')
            namespace = shop                                | 9shop | namespace: '9shop' is not a valid metric name prefix (letters, digits and '_', not starting with a digit or '__')
            namespace = shop                                | shop-api | namespace: 'shop-api' is not a valid metric name prefix (letters, digits and '_', not starting with a digit or '__')
            error_alerts = Declined                         | shop | error_alert.Declined.error_types: is required: the error types (or regular expressions) the alert counts
            error_alerts = HighErrorRate                    | shop | error_alerts: alert name 'HighErrorRate' is used twice (or by a built-in alert)
            gauge_alerts = Q                                | shop | gauge_alert.Q.gauge: is required: one of gauges []
            memory.gauge = heap                             | shop | memory.gauge: 'heap' is not one of gauges []
            compose.demo_app = yes                          | shop | compose.demo_app: 'yes' is not true or false
            """)
    void badSettingIsOneLineNamingItExit2AndNothingWritten(String line, String namespace, String message) throws IOException {
        Path settings = Files.writeString(tmp.resolve("settings.properties"), line.replace(" = ", "=") + "\n");
        Path target = tmp.resolve("bundle");
        assertEquals(2, run("monitoring", "--namespace", namespace, "--out", target.toString(), "--config", settings.toString()));
        assertEquals("logtally: " + message.replace("SETTINGS", settings.toString()) + "\n", err.toString());
        assertFalse(Files.exists(target), "nothing written");
        assertEquals(List.of(settings), list(tmp));
    }

    @Test
    void badPerAlertSettingsNameTheirKey() throws IOException {
        Path settings = Files.writeString(tmp.resolve("s.properties"), """
                error_alerts = Declined
                error_alert.Declined.error_types = payment_declined
                error_alert.Declined.rate = often
                """);
        assertEquals(2, run("monitoring", "--namespace", "shop", "--out", tmp.resolve("b").toString(), "--config", settings.toString()));
        assertEquals("logtally: error_alert.Declined.rate: 'often' is not a number\n", err.toString());
        Files.writeString(settings, "error_alerts = Declined\nerror_alert.Declined.error_types = payment_declined\n"
                + "error_alert.Declined.colour = red\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run("monitoring", "--namespace", "shop", "--out", tmp.resolve("b").toString(), "--config", settings.toString()));
        assertEquals("logtally: error_alert.Declined.colour: unknown key (error_alert.Declined.* takes error_types, example, for, "
                + "rate, severity, summary)\n", err.toString());
        Files.writeString(settings, "error_alerts = Declined\nerror_alert.Declined.error_types = pay.*\n");
        err.getBuffer().setLength(0);
        assertEquals(2, run("monitoring", "--namespace", "shop", "--out", tmp.resolve("b").toString(), "--config", settings.toString()));
        assertEquals("logtally: error_alert.Declined.example: is required when error_types holds only regular expressions\n",
                err.toString());
        assertFalse(Files.exists(tmp.resolve("b")));
    }

    @Test
    void anOutputDirectoryHoldingOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("bundle"));
        Path mine = Files.writeString(target.resolve("notes.txt"), "mine\n");
        assertEquals(2, run("monitoring", "--namespace", "shop", "--out", target.toString()));
        assertEquals("logtally: --out: " + target + " holds other files; give an empty or new directory\n", err.toString());
        assertEquals(List.of(mine), list(target));
        assertEquals(List.of(target), list(tmp));
    }

    @Test
    void missingSettingsFileIsExit2() {
        Path missing = tmp.resolve("nope.properties");
        assertEquals(2, run("monitoring", "--namespace", "shop", "--out", tmp.resolve("b").toString(), "--config", missing.toString()));
        assertEquals("logtally: --config: cannot read " + missing + ": no such file\n", err.toString());
    }

    @Test
    void writesTheWholeBundleIntoANewOrEmptyDirectory() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, run("monitoring", "--namespace", "shop", "--out", empty.toString()), err.toString());
        assertEquals("logtally: wrote 15 files for namespace shop to " + empty + "\n", out.toString());
        try (Stream<Path> s = Files.walk(empty)) {
            assertEquals(15, s.filter(Files::isRegularFile).count());
        }
        assertTrue(Files.readString(empty.resolve("prometheus/rules/error-tracking.yml")).contains("shop_errors_total"));
        assertEquals(List.of(empty), list(tmp), "no temporary directory left beside it");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
