package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The number formats the generated rule tests predict: Go's {@code %.4g} and Prometheus's humanize
 * functions, as their sources define them (values checked against promtool's output in the rule tests).
 */
class NumTest {
    @Test
    void plainIsShortestWithoutExponent() {
        assertEquals(List.of("10", "0.05", "0.1", "1000", "0.0001", "-3"),
                List.of(Num.plain(10), Num.plain(0.05), Num.plain(0.1), Num.plain(1000), Num.plain(1e-4), Num.plain(-3)));
    }

    @Test
    void g4IsGosFourSignificantDigits() {
        assertEquals(List.of("2.05", "430", "1.234e+04", "1e-05", "0", "1.025", "10"),
                List.of(Num.g4(2.0500000000000003), Num.g4(430), Num.g4(12344), Num.g4(1e-5), Num.g4(0), Num.g4(1.025), Num.g4(10)));
    }

    @Test
    void humanizeFunctionsMatchPrometheus() {
        assertEquals("5m 0s", Num.humanizeDuration(300));
        assertEquals("2m 0s", Num.humanizeDuration(120));
        assertEquals("1h 1m 1s", Num.humanizeDuration(3661));
        assertEquals("1d 0h 0m 5s", Num.humanizeDuration(86405));
        assertEquals("2.05s", Num.humanizeDuration(2.05));
        assertEquals("512.5ms", Num.humanizeDuration(0.5125));
        assertEquals("10%", Num.humanizePercentage(0.1));
        assertEquals("430Mi", Num.humanize1024(430.0 * 1048576));
        assertEquals("0.20", Num.fixed(0.2, 2));
        assertEquals("20.00", Num.fixed(20, 2));
    }
}
