package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one change {@link ErrorTrackingStack} makes to the shipped rules: pending periods 60 times shorter,
 * every other line untouched; and its config rewriting refuses a shipped file that no longer matches.
 */
class ShortenedRulesTest {
    @Test
    void onlyPendingPeriodsChange() throws IOException {
        String shipped = Files.readString(Assets.file("prometheus/rules/error-tracking.yml"));
        List<String> before = shipped.lines().toList();
        List<String> after = ErrorTrackingStack.shortenPendingPeriods(shipped).lines().toList();
        assertEquals(before.size(), after.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(before.get(i).trim() + " -> " + after.get(i).trim());
            }
        }
        assertEquals(List.of(
                "for: 5m -> for: 5s", "for: 1m -> for: 1s", "for: 10m -> for: 10s", "for: 5m -> for: 5s",
                "for: 5m -> for: 5s", "for: 1m -> for: 1s", "for: 10m -> for: 10s", "for: 5m -> for: 5s",
                "for: 1m -> for: 1s", "for: 30m -> for: 30s", "for: 1m -> for: 1s", "for: 2m -> for: 2s",
                "for: 5m -> for: 5s", "for: 1m -> for: 1s"), changed);
        assertEquals("    for: 2m\n", ErrorTrackingStack.shortenPendingPeriods("    for: 2h\n"));
    }

    @Test
    void rewritingRefusesAShippedFileThatChanged() {
        assertEquals("a: 1s\nb: 2", ErrorTrackingStack.replace("a: 30s\nb: 2", "30s", "1s", 1));
        AssertionError e = assertThrows(AssertionError.class, () -> ErrorTrackingStack.replace("a: 10s", "30s", "1s", 1));
        assertEquals("expected '30s' 1 time(s) in the shipped file, found 0", e.getMessage());
    }
}
