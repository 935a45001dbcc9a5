package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatusBodyTest {
    @Test
    void readsTheThreeForms() {
        assertEquals(new StatusChange(Status.RESOLVED, "2.4.2", false),
                StatusBody.parse("{\"status\":\"resolved\",\"in_release\":\"2.4.2\",\"in_next_release\":false}"));
        assertEquals(new StatusChange(Status.RESOLVED, null, true),
                StatusBody.parse("{\"status\":\"resolved\",\"in_release\":null,\"in_next_release\":true}"));
        assertEquals(new StatusChange(Status.IGNORED, null, false), StatusBody.parse("{\"status\":\"ignored\"}"));
        assertEquals(new StatusChange(Status.UNRESOLVED, null, false), StatusBody.parse("{\"status\":\"unresolved\"}"));
    }

    @Test
    void refusesWhatIsNotAChange() {
        assertEquals("status must be unresolved, resolved or ignored, not 'fixed'",
                assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{\"status\":\"fixed\"}")).getMessage());
        assertEquals("unknown field 'token' (fields: status, in_release, in_next_release)",
                assertThrows(IllegalArgumentException.class,
                        () -> StatusBody.parse("{\"status\":\"ignored\",\"token\":\"x\"}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{\"status\":\"ignored\",\"in_release\":\"2\"}"));
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{\"status\":\"resolved\",\"in_release\":\"2\",\"in_next_release\":true}"));
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{\"status\":"));
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> StatusBody.parse("{\"status\":\"ignored\"} {}"));
    }
}
