package dev.logtally.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
    void logrotateNumbersCountBackwards() {
        List<String> names = new ArrayList<>(List.of("app.log.1", "app.log.10", "app.log.2"));
        names.sort(NameOrder.oldestFirst("app.log"));
        assertEquals(List.of("app.log.10", "app.log.2", "app.log.1"), names);
    }

    @Test
    void leadingZerosDoNotChangeANumber() {
        assertEquals(0, Integer.signum(NameOrder.natural("a007b", "a7b")));
        assertEquals(-1, Integer.signum(NameOrder.natural("a7b", "a08b")));
        assertEquals(-1, Integer.signum(NameOrder.natural("app.log", "app.log.1")));
    }
}
