package dev.logtally.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.parse.Event;
import dev.logtally.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorGroupsTest {
    private static final long T0 = Instant.parse("2026-11-24T13:00:00Z").toEpochMilli();
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(T0));

    private static Event error(long t, String type, String hash, String release, String message, String fingerprint) {
        return new Event(t, "ERROR", "api", release, type, hash, null, Double.NaN, null, "cid-" + t, message, null, null,
                "java.lang.IllegalStateException: " + message + "\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n",
                fingerprint, null);
    }

    private ErrorGroups live(int max) {
        return ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults().withMaxGroups(max), clock);
    }

    private static List<AlertTransition.Kind> kinds(ErrorGroups g) {
        return g.transitions().stream().map(AlertTransition::kind).toList();
    }

    @Test
    void eventsOfOneTypeAndStackHashAreOneGroupWithItsSampleAndHours() {
        ErrorGroups g = live(10);
        g.add(error(T0, "timeout", "h1", "2.4.0", "first", null), "GET /a", 0, 1);
        g.add(error(T0 + 3_600_000, "timeout", "h1", "2.4.1", "second", null), null, 0, 2);
        g.add(error(T0 + 1, "timeout", "h2", "2.4.1", "other", null), null, 0, 3);
        assertEquals(2, g.size());
        ErrorGroupView v = g.index().group(Fingerprint.of("timeout", "h1")).orElseThrow();
        assertEquals(2, v.count());
        assertEquals(T0, v.firstSeen());
        assertEquals(T0 + 3_600_000, v.lastSeen());
        assertEquals("second", v.sampleMessage());
        assertEquals("cid-" + (T0 + 3_600_000), v.sampleCorrelationId());
        assertEquals(List.of("java.lang.IllegalStateException: first", "    at a.B.c(B.java:1)", "    at a.B.d(B.java:2)"),
                v.stackHead());
        assertEquals(List.of("2.4.0", "2.4.1"), v.releases());
        assertEquals("2.4.0", v.firstRelease());
        assertEquals(List.of("GET /a"), v.methods());
        assertEquals(1, v.hourly().get(HourlyCounts.HOURS - 1));
        assertEquals(1, v.hourly().get(HourlyCounts.HOURS - 2));
        assertEquals(2, v.hourly().sumLast(24));
        assertTrue(v.isNew());
        assertEquals(List.of(AlertTransition.Kind.NEW, AlertTransition.Kind.NEW), kinds(g));
    }

    @Test
    void aFingerprintFieldOverridesTypeAndHash() {
        ErrorGroups g = live(10);
        g.add(error(T0, "timeout", "h1", null, "a", "checkout-db-down"), null, 0, 1);
        g.add(error(T0, "refused", "h9", null, "b", "checkout-db-down"), null, 0, 2);
        g.add(error(T0, "refused", "h9", null, "c", "has spaces {{ x }}"), null, 0, 3);
        assertEquals(2, g.index().group("checkout-db-down").orElseThrow().count());
        assertEquals(Fingerprint.ofField("has spaces {{ x }}"), g.index().groups().stream()
                .filter(v -> v.count() == 1).findFirst().orElseThrow().fingerprint());
        assertTrue(Fingerprint.isValid(Fingerprint.ofField("has spaces {{ x }}")));
    }

    @Test
    void resolvedInAReleaseRegressesOnlyFromThatReleaseOnAndOnlyOnce() {
        ErrorGroups g = live(10);
        String fp = Fingerprint.of("timeout", "h1");
        g.add(error(T0, "timeout", "h1", "2.4.0", "m", null), null, 0, 1);
        assertTrue(g.change(StatusChange.resolve(fp).inRelease("2.4.1")).applied());
        g.add(error(T0 + 1, "timeout", "h1", "2.4.0", "old release still running", null), null, 0, 2);
        assertEquals(GroupStatus.State.RESOLVED, g.index().group(fp).orElseThrow().status().state());
        assertEquals(List.of(AlertTransition.Kind.NEW), kinds(g));
        g.add(error(T0 + 2, "timeout", "h1", "2.4.2", "back", null), null, 0, 3);
        g.add(error(T0 + 3, "timeout", "h1", "2.4.2", "again", null), null, 0, 4);
        assertEquals(List.of(AlertTransition.Kind.NEW, AlertTransition.Kind.REGRESSED), kinds(g));
        ErrorGroupView v = g.index().group(fp).orElseThrow();
        assertTrue(v.regressed());
        assertEquals(GroupStatus.State.UNRESOLVED, v.status().state());
        assertEquals("2.4.2", g.transitions().get(1).release());
    }

    @Test
    void theRegressionRuleComparesVersionsNotText() {
        assertFalse(ErrorGroups.regresses(GroupStatus.resolvedIn("2.10.0", 0), "2.9.9"));
        assertTrue(ErrorGroups.regresses(GroupStatus.resolvedIn("2.9.1", 0), "2.10.0"));
        assertTrue(ErrorGroups.regresses(GroupStatus.resolvedIn("2.4.1", 0), "2.4.1"));
        assertFalse(ErrorGroups.regresses(GroupStatus.resolvedIn("2.4.1", 0), "2.4.1-rc1"));
        assertFalse(ErrorGroups.regresses(GroupStatus.resolvedIn("2.4.1", 0), null));
        assertFalse(ErrorGroups.regresses(GroupStatus.resolvedAfter("2.4.1", 0), "2.4.1"));
        assertTrue(ErrorGroups.regresses(GroupStatus.resolvedAfter("2.4.1", 0), "2.4.2"));
        assertTrue(ErrorGroups.regresses(GroupStatus.resolved(0), null));
    }

    @Test
    void ignoredNeverAlertsAndUnknownFingerprintsChangeNothing() {
        ErrorGroups g = live(10);
        String fp = Fingerprint.of("timeout", "h1");
        g.add(error(T0, "timeout", "h1", "2.4.0", "m", null), null, 0, 1);
        g.change(StatusChange.ignore(fp));
        g.add(error(T0 + 1, "timeout", "h1", "9.9.9", "m", null), null, 0, 2);
        assertEquals(List.of(AlertTransition.Kind.NEW), kinds(g));
        assertFalse(g.change(StatusChange.reopen("0000000000000000")).applied());
        assertEquals("no error group has the fingerprint 0000000000000000",
                g.change(StatusChange.reopen("0000000000000000")).message());
    }

    @Test
    void pastTheLimitTheLeastRecentlySeenGroupIsDroppedAndCounted() {
        ErrorGroups g = live(3);
        for (int i = 0; i < 10_000; i++) {
            g.add(error(T0 + i, "t" + i, null, null, "m", null), null, 0, i);
            if (i % 2 == 0) {
                g.add(error(T0 + i, "t0", null, null, "m", null), null, 0, i); // t0 stays recent
            }
        }
        assertEquals(3, g.size());
        assertEquals(9_997, g.dropped());
        assertTrue(g.index().group(Fingerprint.of("t0", null)).isPresent());
        MetricFamily dropped = g.selfFamilies().stream().filter(f -> f.name().equals(ErrorGroups.GROUPS_DROPPED))
                .findFirst().orElseThrow();
        assertEquals(9_997.0, dropped.series().get(0).value());
    }

    @Test
    void theStateRestoresToTheSameGroups() {
        ErrorGroups g = live(10);
        g.add(error(T0, "timeout", "h1", "2.4.0", "m", null), null, 0, 1);
        g.add(error(T0 + 7_200_000, "timeout", "h1", "2.4.1", "n", "custom-fp"), "GET /x", 0, 2);
        g.change(StatusChange.resolve(Fingerprint.of("timeout", "h1")).inNextRelease());
        g.delivered(1, "NewErrorGroup");
        ErrorGroups back = live(10);
        back.restore(g.state());
        assertEquals(g.state(), back.state());
        assertEquals(g.views(), back.views());
        back.add(error(T0 + 7_200_001, "timeout", "h1", "2.4.1", "same release", null), null, 0, 3);
        // Resolved "in the next release" after 2.4.0 (the newest it was seen in): 2.4.1 regresses it.
        assertEquals(List.of(AlertTransition.Kind.NEW, AlertTransition.Kind.NEW, AlertTransition.Kind.REGRESSED), kinds(back));
        assertTrue(back.transitions().get(0).delivered());
    }

    private ErrorGroups escalating(int events, java.time.Duration window) {
        return ErrorGroups.live(List.of("ERROR"), ErrorGroupOptions.defaults().withEscalating(events, window), clock);
    }

    private static long count(ErrorGroups g, AlertTransition.Kind kind) {
        return g.transitions().stream().filter(t -> t.kind() == kind).count();
    }

    @Test
    void escalatingIsOffByDefault() {
        ErrorGroups g = live(10);
        for (int i = 0; i < 500; i++) {
            g.add(error(T0 + i, "timeout", "h1", null, "m", null), null, 0, i);
        }
        assertEquals(List.of(AlertTransition.Kind.NEW), kinds(g));
        assertEquals(null, g.state().groups().get(0).recent());
    }

    @Test
    void nEventsWithinTheWindowEscalateOncePerTransition() {
        ErrorGroups g = escalating(5, java.time.Duration.ofMinutes(10));
        long minute = 60_000;
        // 4 events in 10 minutes, then the 5th 11 minutes after the first: the last 5 span 11 minutes, no escalation.
        for (long t : new long[] {0, 1, 2, 3, 11}) {
            g.add(error(T0 + t * minute, "timeout", "h1", "2.4.0", "m", null), null, 0, t);
        }
        assertEquals(0, count(g, AlertTransition.Kind.ESCALATING));
        // 12, 13, 14: the last 5 (3, 11, 12, 13, 14) span 11 minutes; 15: (11..15) span 4 minutes: escalates.
        for (long t : new long[] {12, 13, 14}) {
            g.add(error(T0 + t * minute, "timeout", "h1", "2.4.0", "m", null), null, 0, t);
        }
        assertEquals(0, count(g, AlertTransition.Kind.ESCALATING));
        clock.set(Instant.ofEpochMilli(T0 + 15 * minute));
        g.add(error(T0 + 15 * minute, "timeout", "h1", "2.4.1", "m", null), null, 0, 15);
        AlertTransition esc = g.transitions().get(1);
        assertEquals(AlertTransition.Kind.ESCALATING, esc.kind());
        assertEquals("2.4.1", esc.release());
        assertEquals(T0 + 15 * minute, esc.startsAtMillis());
        // Still bursting: one alert per transition, its end pushed on by further events like the others.
        for (long t = 16; t < 40; t++) {
            clock.set(Instant.ofEpochMilli(T0 + t * minute));
            g.add(error(T0 + t * minute, "timeout", "h1", "2.4.1", "m", null), null, 0, t);
        }
        assertEquals(1, count(g, AlertTransition.Kind.ESCALATING));
        assertEquals(T0 + 39 * minute + 3_600_000, g.transitions().get(1).endsAtMillis());
        // Resolved and finished (the sender's part after the quiet period): a new burst escalates again.
        g.finished(esc.id());
        assertEquals(0, count(g, AlertTransition.Kind.ESCALATING));
        g.add(error(T0 + 40 * minute, "timeout", "h1", "2.4.1", "m", null), null, 0, 40);
        assertEquals(1, count(g, AlertTransition.Kind.ESCALATING), "escalates again once the last one is finished");
        assertTrue(g.transitions().get(1).id() > esc.id());
        // Another group is judged on its own events.
        g.add(error(T0 + 40 * minute, "refused", "h2", null, "m", null), null, 0, 41);
        assertEquals(List.of(AlertTransition.Kind.NEW, AlertTransition.Kind.ESCALATING, AlertTransition.Kind.NEW),
                kinds(g));
    }

    @Test
    void theEscalationRingIsInTheStateSoARestartDecidesAlike() {
        java.time.Duration window = java.time.Duration.ofMinutes(1);
        ErrorGroups straight = escalating(3, window);
        ErrorGroups before = escalating(3, window);
        for (int i = 0; i < 2; i++) {
            straight.add(error(T0 + i * 1000, "timeout", "h1", null, "m", null), null, 0, i);
            before.add(error(T0 + i * 1000, "timeout", "h1", null, "m", null), null, 0, i);
        }
        assertEquals(List.of(T0, T0 + 1000), before.state().groups().get(0).recent());
        ErrorGroups after = escalating(3, window);
        after.restore(before.state());
        straight.add(error(T0 + 2000, "timeout", "h1", null, "m", null), null, 0, 2);
        after.add(error(T0 + 2000, "timeout", "h1", null, "m", null), null, 0, 2);
        assertEquals(List.of(AlertTransition.Kind.NEW, AlertTransition.Kind.ESCALATING), kinds(straight));
        assertEquals(kinds(straight), kinds(after));
        assertEquals(straight.state(), after.state());
    }
}
