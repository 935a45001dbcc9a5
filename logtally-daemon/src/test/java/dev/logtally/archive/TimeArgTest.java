package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.base.ConfigException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgTest {
    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void isoDatesAndDurationsBackFromTheClocksNow() {
        assertEquals(at("2026-11-24T13:00:00Z"), TimeArg.parse("--since", "2026-11-24T13:00:00Z", Fixtures.LATER));
        assertEquals(at("2026-11-24T13:00:00Z"), TimeArg.parse("--since", "2026-11-24T14:00:00+01:00", Fixtures.LATER));
        assertEquals(at("2026-11-24T00:00:00Z"), TimeArg.parse("--since", "2026-11-24", Fixtures.LATER));
        assertEquals(at("2026-11-24T13:00:00Z"), TimeArg.parse("--since", "2h", Fixtures.LATER));
        assertEquals(at("2026-11-24T12:30:00Z"), TimeArg.parse("--until", "2h30m", Fixtures.LATER));
        assertEquals(at("2026-11-23T15:00:00Z"), TimeArg.parse("--until", "1d", Fixtures.LATER));
    }

    @Test
    void anythingElseIsOneLineNamingTheFlag() {
        for (String bad : new String[] {"yesterday", "2h ago", "2026-11-24T13:00:00", "13:00", "-2h", "", "2x"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> TimeArg.parse("--since", bad, Fixtures.LATER), bad);
            assertEquals("--since: '" + bad + "' is neither an ISO-8601 time with a zone (2026-11-24T13:00:00Z), "
                    + "a date (2026-11-24) nor a duration back from now (2h)", e.getMessage());
        }
        assertEquals("--until: must be later than --since", assertThrows(ConfigException.class,
                () -> TimeArg.checkRange(at("2026-11-24T13:00:00Z"), at("2026-11-24T13:00:00Z"))).getMessage());
    }
}
