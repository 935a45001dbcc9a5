package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.aggregate.ErrorGroupView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueQueryTest {
    static final List<ErrorGroupView> ALL = List.of(
            Issues.issue("a", "connection_timeout", 9, 100, 900, "pool did not answer", "proxy", "2.4.1"),
            Issues.issue("b", "db_write_failed", 12, 200, 800, "share not stored", "proxy", "2.4.2"),
            Issues.issue("c", "invalid_share", 3, 50, 950, "Stale JOB", "db", "2.4.1"));

    private static List<String> fingerprints(IssueQuery.Page p) {
        return p.issues().stream().map(ErrorGroupView::fingerprint).toList();
    }

    @Test
    void sortsNewestOrLargestFirst() {
        assertEquals(List.of("c", "a", "b"), fingerprints(IssueQuery.parse(null).apply(ALL)));
        assertEquals(List.of("b", "a", "c"), fingerprints(IssueQuery.parse("sort=count").apply(ALL)));
        assertEquals(List.of("b", "a", "c"), fingerprints(IssueQuery.parse("sort=first_seen").apply(ALL)));
    }

    @Test
    void filtersByEveryParameter() {
        assertEquals(List.of("c", "a"), fingerprints(IssueQuery.parse("release=2.4.1").apply(ALL)));
        assertEquals(List.of("c"), fingerprints(IssueQuery.parse("service=db").apply(ALL)));
        assertEquals(List.of("b"), fingerprints(IssueQuery.parse("error_type=db_write_failed").apply(ALL)));
        assertEquals(List.of("c"), fingerprints(IssueQuery.parse("q=stale%20job").apply(ALL)));
        assertEquals(List.of(), fingerprints(IssueQuery.parse("status=resolved").apply(ALL)));
        assertEquals(3, IssueQuery.parse("status=unresolved&status=resolved").apply(ALL).total());
    }

    @Test
    void pagesOfFifty() {
        List<ErrorGroupView> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(Issues.issue(String.format("f%03d", i), "t", i, i, i, "m", "s", "r"));
        }
        IssueQuery.Page p3 = IssueQuery.parse("page=3&sort=count").apply(many);
        assertEquals(120, p3.total());
        assertEquals(3, p3.pages());
        assertEquals(List.of("f019", "f000"), List.of(p3.issues().get(0).fingerprint(), p3.issues().get(19).fingerprint()));
        assertEquals(20, p3.issues().size());
        assertEquals(0, IssueQuery.parse("page=9").apply(many).issues().size());
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertEquals("sort must be last_seen, count or first_seen, not 'size'",
                assertThrows(IllegalArgumentException.class, () -> IssueQuery.parse("sort=size")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IssueQuery.parse("status=open"));
        assertThrows(IllegalArgumentException.class, () -> IssueQuery.parse("page=0"));
        assertThrows(IllegalArgumentException.class, () -> IssueQuery.parse("page=x"));
        assertThrows(IllegalArgumentException.class, () -> IssueQuery.parse("q=%zz"));
    }

    @Test
    void queryStringRoundTrips() {
        IssueQuery q = IssueQuery.parse("q=a%26b%20c&service=proxy&sort=count");
        assertEquals("service=proxy&q=a%26b%20c&sort=count&page=2", q.toQueryString(2));
        assertEquals(q, IssueQuery.parse(q.toQueryString(1)));
    }
}
