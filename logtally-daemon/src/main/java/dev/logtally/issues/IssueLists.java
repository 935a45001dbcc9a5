package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.ErrorGroupsView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The issues list's work, done once per version of the error groups rather than per request: the tailer
 * publishes a new immutable {@link ErrorGroupsView} at each checkpoint, so everything derived from one view
 * can be kept until the next: the groups sorted in each order (filtering a sorted list keeps it sorted),
 * the filters' choices (every service and release), and the last {@value #BODIES} answers (HTML or JSON)
 * by their normalized query. A request for a view other than the one kept starts afresh.
 *
 * <pre>{@code
 * IssueLists lists = new IssueLists();
 * IssueLists.Version v = lists.of(groups.get());
 * String html = v.body("html", query, q -> IssuesPages.list(q, v.page(q), v.services(), v.releases()));
 * }</pre>
 */
final class IssueLists {
    /** Answers kept per groups version. */
    static final int BODIES = 128;

    private volatile Version current;

    /** What is kept for {@code view}: the same object while the view is the same object. */
    Version of(ErrorGroupsView view) {
        Version v = current;
        if (v == null || v.view != view) {
            v = new Version(view);
            current = v;
        }
        return v;
    }

    /** One version of the groups and what was derived from it. Thread-safe. */
    static final class Version {
        private final ErrorGroupsView view;
        private final Set<String> services;
        private final Set<String> releases;
        private final Map<IssueQuery.Sort, List<ErrorGroupView>> sorted = new EnumMap<>(IssueQuery.Sort.class);
        private final LinkedHashMap<String, String> bodies = new LinkedHashMap<>(BODIES * 2, 0.75f, true);

        Version(ErrorGroupsView view) {
            this.view = view;
            Set<String> s = new TreeSet<>();
            Set<String> r = new TreeSet<>();
            for (ErrorGroupView g : view.groups()) {
                s.addAll(g.services());
                r.addAll(g.releases());
            }
            this.services = Collections.unmodifiableSet(s);
            this.releases = Collections.unmodifiableSet(r);
        }

        /** Every service of the groups, sorted. */
        Set<String> services() {
            return services;
        }

        /** Every release of the groups, sorted. */
        Set<String> releases() {
            return releases;
        }

        /** The page {@code q} asks for, from the groups sorted once in its order. */
        IssueQuery.Page page(IssueQuery q) {
            return q.applySorted(sorted(q.sort()));
        }

        private synchronized List<ErrorGroupView> sorted(IssueQuery.Sort sort) {
            return sorted.computeIfAbsent(sort, s -> {
                List<ErrorGroupView> list = new ArrayList<>(view.groups());
                list.sort(s.order());
                return List.copyOf(list);
            });
        }

        /** The answer of kind {@code kind} to {@code q}: kept, or rendered by {@code render} and kept. */
        String body(String kind, IssueQuery q, Function<IssueQuery, String> render) {
            String key = kind + '?' + q.toQueryString(q.page());
            synchronized (this) {
                String kept = bodies.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            String body = render.apply(q);
            synchronized (this) {
                bodies.put(key, body);
                if (bodies.size() > BODIES) {
                    bodies.remove(bodies.keySet().iterator().next());
                }
            }
            return body;
        }
    }
}
