package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.aggregate.StatusChange;
import org.junit.jupiter.api.Test;

class StatusBodyTest {
    private static final String FP = "9c1f2e0a4b7d3c55";

    private static StatusChange parse(String body) {
        return StatusBody.parse(FP, body);
    }

    @Test
    void readsTheThreeForms() {
        assertEquals(StatusChange.resolve(FP).inRelease("2.4.2"),
                parse("{\"status\":\"resolved\",\"in_release\":\"2.4.2\",\"in_next_release\":false}"));
        assertEquals(StatusChange.resolve(FP).inNextRelease(),
                parse("{\"status\":\"resolved\",\"in_release\":null,\"in_next_release\":true}"));
        assertEquals(StatusChange.ignore(FP), parse("{\"status\":\"ignored\"}"));
        assertEquals(StatusChange.reopen(FP), parse("{\"status\":\"unresolved\"}"));
    }

    @Test
    void refusesWhatIsNotAChange() {
        assertEquals("status must be unresolved, resolved or ignored, not 'fixed'",
                assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":\"fixed\"}")).getMessage());
        assertEquals("unknown field 'token' (fields: status, in_release, in_next_release)",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("{\"status\":\"ignored\",\"token\":\"x\"}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":\"ignored\",\"in_release\":\"2\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":\"resolved\",\"in_release\":\"2\",\"in_next_release\":true}"));
        assertThrows(IllegalArgumentException.class, () -> parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":"));
        assertThrows(IllegalArgumentException.class, () -> parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"status\":\"ignored\"} {}"));
    }
}
