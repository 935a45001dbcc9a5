package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameOrderTest {

    @Test
    void oneRotationsTmpAndGzipShareTheirName() {
        assertEquals("app.2026-11-24.0.log", NameOrder.normalize("app.2026-11-24.0.log.gz"));
        assertEquals("app.2026-11-24.0.log", NameOrder.normalize("app.2026-11-24.0.log540826378242.tmp"));
        assertEquals("app.2026-11-24.0.log", NameOrder.normalize("app.2026-11-24.0.log"));
        assertEquals("app.log.2", NameOrder.normalize("app.log.2.gz"));
    }

    @Test
    void logbackArchivesSortByDateThenIndexAsNumbers() {
        List<String> names = new ArrayList<>(List.of("app.2026-11-25.0.log", "app.2026-11-24.10.log",
                "app.2026-11-24.9.log", "app.2026-11-24.0.log", "app.2026-11-23.11.log"));
        names.sort(NameOrder.oldestFirst("app.log"));
        assertEquals(List.of("app.2026-11-23.11.log", "app.2026-11-24.0.log", "app.2026-11-24.9.log",
                "app.2026-11-24.10.log", "app.2026-11-25.0.log"), names);
    }

    @Test
    void logbacksTemporaryFilesTakeTheirArchivesPlace() {
        List<String> names = sorted("app.log", "app.2026-11-24.1.log.gz", "app.2026-11-24.2.log1234567.tmp",
                "app.2026-11-24.0.log.gz");
        assertEquals(List.of("app.2026-11-24.0.log", "app.2026-11-24.1.log", "app.2026-11-24.2.log"), names);
    }

    @Test
    void logrotateNumbersCountBackwards() {
        List<String> names = new ArrayList<>(List.of("app.log.1", "app.log.10", "app.log.2"));
        names.sort(NameOrder.oldestFirst("app.log"));
        assertEquals(List.of("app.log.10", "app.log.2", "app.log.1"), names);
        // compress + delaycompress: the newest copy stays plain; "start 0" makes .0 the newest
        assertEquals(List.of("app.log.3", "app.log.2", "app.log.1", "app.log.0"),
                sorted("app.log", "app.log.1", "app.log.2.gz", "app.log.0", "app.log.3.gz"));
    }

    @Test
    void logrotateDateextSortsByDate() {
        assertEquals(List.of("app.log-20251231", "app.log-20261124", "app.log-20261201"),
                sorted("app.log", "app.log-20261201.gz", "app.log-20251231.gz", "app.log-20261124"));
        // any dateformat logrotate accepts sorts lexically; %s (seconds) as a number
        assertEquals(List.of("app.log-2026-11-24-999999999", "app.log-2026-11-24-1764000000"),
                sorted("app.log", "app.log-2026-11-24-1764000000", "app.log-2026-11-24-999999999"));
    }

    @Test
    void mixedSchemesPutLogrotatesNumbersWhereTheActiveNameAndADotSort() {
        assertEquals(List.of("app.2026-11-24.0.log", "app.log-20261124", "app.log.2", "app.log.1",
                        "app.log.1.bak", "app.log.x"),
                sorted("app.log", "app.log.x", "app.log.1", "app.log.1.bak", "app.log-20261124",
                        "app.2026-11-24.0.log.gz", "app.log.2"));
    }

    @Test
    void theOrderIsTotalForAnyMixOfNames() {
        List<String> names = List.of("app.log.1", "app.log.2", "app.log.10", "app.log.1.", "app.log.5.bak",
                "app.log.", "app.log", "app.log-20261124", "app.2026-11-24.0.log", "app.2026-11-24.10.log",
                "app.log.0", "app.log.01", "app.logx", "app.1.log", "app.log.12345678901234567890");
        Comparator<String> order = NameOrder.oldestFirst("app.log");
        for (String a : names) {
            for (String b : names) {
                assertEquals(Integer.signum(order.compare(a, b)), -Integer.signum(order.compare(b, a)), a + " vs " + b);
                for (String c : names) {
                    if (order.compare(a, b) <= 0 && order.compare(b, c) <= 0) {
                        assertTrue(order.compare(a, c) <= 0, a + " <= " + b + " <= " + c + " but not " + a + " <= " + c);
                    }
                }
            }
        }
    }

    @Test
    void fixedWindowNamesAreNotRecognised() {
        // logrotate's "extension" option and Logback's fixed window make .1 the newest; ordered naturally
        assertEquals(List.of("app.1.log", "app.2.log", "app.10.log"),
                sorted("app.log", "app.10.log", "app.1.log", "app.2.log"));
    }

    private static List<String> sorted(String activeName, String... fileNames) {
        List<String> names = new ArrayList<>();
        for (String f : fileNames) {
            names.add(NameOrder.normalize(f));
        }
        names.sort(NameOrder.oldestFirst(activeName));
        return names;
    }

    @Test
    void leadingZerosDoNotChangeANumber() {
        assertEquals(0, Integer.signum(NameOrder.natural("a007b", "a7b")));
        assertEquals(-1, Integer.signum(NameOrder.natural("a7b", "a08b")));
        assertEquals(-1, Integer.signum(NameOrder.natural("app.log", "app.log.1")));
    }
}
