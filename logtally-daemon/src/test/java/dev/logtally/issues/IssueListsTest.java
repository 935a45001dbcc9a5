package dev.logtally.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.logtally.aggregate.ErrorGroupIndex;
import dev.logtally.aggregate.ErrorGroupView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The list's work is kept per version of the groups: same answers as computed afresh, renewed with a new version. */
class IssueListsTest {
    private static final List<ErrorGroupView> ALL = IssueQueryTest.ALL;

    @Test
    void pagesOfTheSortedListEqualTheQuerysOwnAnswerInEveryOrder() {
        IssueLists.Version v = new IssueLists().of(ErrorGroupIndex.of(ALL, 0));
        for (String q : List.of("", "sort=count", "sort=first_seen", "release=2.4.1", "q=stale%20job&sort=count",
                "status=resolved", "page=2")) {
            IssueQuery query = IssueQuery.parse(q);
            assertEquals(query.apply(ALL), v.page(query), q);
        }
        assertEquals(List.of("db", "proxy"), List.copyOf(v.services()));
        assertEquals(List.of("2.4.1", "2.4.2"), List.copyOf(v.releases()));
    }

    @Test
    void anAnswerIsRenderedOncePerVersionAndQueryAndAgainForANewVersion() {
        IssueLists lists = new IssueLists();
        ErrorGroupIndex first = ErrorGroupIndex.of(ALL, 0);
        AtomicInteger renders = new AtomicInteger();
        IssueLists.Version v1 = lists.of(first);
        assertSame(v1, lists.of(first));
        String a = v1.body("html", IssueQuery.parse("sort=count"), q -> "body " + renders.incrementAndGet());
        String b = lists.of(first).body("html", IssueQuery.parse("sort=count&page=1"), q -> "body " + renders.incrementAndGet());
        String json = v1.body("json", IssueQuery.parse("sort=count"), q -> "json " + renders.incrementAndGet());
        assertEquals("body 1", a);
        assertEquals("body 1", b);
        assertEquals("json 2", json);

        List<ErrorGroupView> more = new ArrayList<>(ALL);
        more.remove(0);
        IssueLists.Version v2 = lists.of(ErrorGroupIndex.of(more, 0));
        assertNotSame(v1, v2);
        assertEquals("body 3", v2.body("html", IssueQuery.parse("sort=count"), q -> "body " + renders.incrementAndGet()));
        assertEquals(IssueQuery.parse("").apply(more), v2.page(IssueQuery.parse("")));
    }

    @Test
    void keepsAtMostItsBoundOfAnswers() {
        IssueLists.Version v = new IssueLists().of(ErrorGroupIndex.of(ALL, 0));
        AtomicInteger renders = new AtomicInteger();
        for (int p = 1; p <= IssueLists.BODIES + 1; p++) {
            v.body("html", IssueQuery.parse("page=" + p), q -> "x" + renders.incrementAndGet());
        }
        assertEquals(IssueLists.BODIES + 1, renders.get());
        v.body("html", IssueQuery.parse("page=1"), q -> "x" + renders.incrementAndGet());
        assertEquals(IssueLists.BODIES + 2, renders.get());
        v.body("html", IssueQuery.parse("page=" + (IssueLists.BODIES + 1)), q -> "x" + renders.incrementAndGet());
        assertEquals(IssueLists.BODIES + 2, renders.get());
    }
}
