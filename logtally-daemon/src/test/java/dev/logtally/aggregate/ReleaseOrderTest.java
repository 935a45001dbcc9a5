package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseOrderTest {
    @Test
    void versionsSortAsVersionsNotAsText() {
        List<String> r = new ArrayList<>(List.of("2.10.0", "2.4.1", "v2.4.0", "2.4.1-rc1", "2.4", "2.9.1", "2.4.1-rc10",
                "2.4.1-rc2"));
        r.sort(ReleaseOrder.ORDER);
        assertEquals(List.of("2.4", "v2.4.0", "2.4.1-rc1", "2.4.1-rc2", "2.4.1-rc10", "2.4.1", "2.9.1", "2.10.0"), r);
        assertEquals(0, ReleaseOrder.compare("2.4.01", "2.4.1"));
    }
}
