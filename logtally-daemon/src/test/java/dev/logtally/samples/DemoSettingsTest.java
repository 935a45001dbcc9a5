package dev.logtally.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

    @Test
    void durationsAreWrittenAsPrometheusWritesThem() {
        assertEquals(Duration.ofMillis(250), Durations.parseOrZero("--duration", "250ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parseOrZero("--duration", "30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parseOrZero("--duration", "5m"));
        assertEquals(Duration.ofMinutes(90), Durations.parseOrZero("--duration", "1h30m"));
        assertEquals(Duration.ofDays(9), Durations.parseOrZero("--duration", "1w2d"));
        assertEquals(Duration.ZERO, Durations.parseOrZero("--duration", "0"));
    }

    @Test
    void badDurationsNameTheFlagAndTheProblem() {
        String hint = " is not a duration (write it as Prometheus does: 250ms, 1s, 5m, 1h)";
        for (String text : new String[] {"5x", "m5", "1.5s", "30", "99999999999999s", ""}) {
            assertEquals("--duration: '" + text + "'" + hint, bad(text));
        }
    }

    private static String bad(String text) {
        return assertThrows(ConfigException.class, () -> Durations.parseOrZero("--duration", text)).getMessage();
    }

    @Test
    void badSettingsNameTheFlag() {
        Path dir = Path.of("/tmp/x");
        assertEquals("--rate: must be a number of events per second, at least 1, not 0.0", assertThrows(DemoException.class,
                () -> new DemoSettings(0, Duration.ZERO, dir, null, 1, null)).getMessage());
        assertEquals("--rate: must be a number of events per second, at least 1, not NaN", assertThrows(DemoException.class,
                () -> new DemoSettings(Double.NaN, Duration.ZERO, dir, null, 1, null)).getMessage());
        assertEquals("--max-file-size: \"12 parsecs\" is not a size such as 256KB or 10MB", assertThrows(DemoException.class,
                () -> new DemoSettings(10, Duration.ZERO, dir, null, 1, "12 parsecs")).getMessage());
        assertEquals("--log-dir: is required", assertThrows(DemoException.class,
                () -> new DemoSettings(10, Duration.ZERO, null, null, 1, null)).getMessage());
    }

    @Test
    void pacerWaitsExactlyUntilItemsAreDue() {
        long[] now = {1_000};
        List<Long> parks = new ArrayList<>();
        Pacer pacer = new Pacer(100, () -> now[0], n -> {
            parks.add(n);
            now[0] += n;
        });
        pacer.await(0);
        now[0] += 3_000_000; // 3 ms of work
        pacer.await(1);      // the first item is due at 10 ms
        now[0] += 25_000_000;
        pacer.await(2);      // late: no wait
        pacer.await(5);      // due at 50 ms
        assertEquals(List.of(7_000_000L, 15_000_000L), parks);
        assertEquals(50_000_000L, pacer.elapsedNanos());
    }
}
