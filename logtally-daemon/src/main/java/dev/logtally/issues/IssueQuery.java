package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.GroupStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list's filters, sort and page, from the query string of {@code /issues} and {@code /api/issues}:
 * {@code status}, {@code service}, {@code release}, {@code error_type} (exact), {@code q} (text, case
 * insensitive, in the error type, message, fingerprint and methods), {@code sort} ({@code last_seen},
 * {@code count}, {@code first_seen}; all newest or largest first) and {@code page} (from 1, {@value #PAGE_SIZE}
 * per page). Empty values mean "any". A value that names nothing valid is an {@link IllegalArgumentException}
 * (the server answers 400).
 *
 * <pre>{@code
 * IssueQuery q = IssueQuery.parse("status=unresolved&sort=count&page=2");
 * IssueQuery.Page page = q.apply(groups.groups());
 * }</pre>
 */
public record IssueQuery(GroupStatus.State status, String service, String release, String errorType, String text, Sort sort,
                         int page) {
    /** Issues per page. */
    public static final int PAGE_SIZE = 50;
    /** Longest value of one parameter. */
    static final int MAX_VALUE = 512;

    /** The orders of the list. */
    public enum Sort {
        LAST_SEEN(Comparator.comparingLong(ErrorGroupView::lastSeen).reversed()),
        COUNT(Comparator.comparingLong(ErrorGroupView::count).reversed()),
        FIRST_SEEN(Comparator.comparingLong(ErrorGroupView::firstSeen).reversed());

        private final Comparator<ErrorGroupView> order;

        Sort(Comparator<ErrorGroupView> order) {
            this.order = order.thenComparing(ErrorGroupView::fingerprint);
        }

        /** The order itself (ties broken by fingerprint). */
        public Comparator<ErrorGroupView> order() {
            return order;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No filter, newest first, first page. */
    public static final IssueQuery ALL = new IssueQuery(null, null, null, null, null, Sort.LAST_SEEN, 1);

    /**
     * One page of the list.
     *
     * @param total  issues that pass the filters
     * @param page   this page's number (from 1)
     * @param pages  number of pages (at least 1)
     * @param issues this page's issues
     */
    public record Page(int total, int page, int pages, List<ErrorGroupView> issues) {
    }

    /** Parses a raw (still percent-encoded) query string, or null. */
    public static IssueQuery parse(String rawQuery) {
        Map<String, String> p = params(rawQuery);
        String status = p.get("status");
        GroupStatus.State s = null;
        if (status != null && !status.equals("all")) {
            s = state(status);
            if (s == null) {
                throw new IllegalArgumentException("status must be unresolved, resolved, ignored or all, not '" + status + "'");
            }
        }
        Sort sort = Sort.LAST_SEEN;
        String sortText = p.get("sort");
        if (sortText != null) {
            sort = switch (sortText) {
                case "last_seen" -> Sort.LAST_SEEN;
                case "count" -> Sort.COUNT;
                case "first_seen" -> Sort.FIRST_SEEN;
                default -> throw new IllegalArgumentException("sort must be last_seen, count or first_seen, not '" + sortText + "'");
            };
        }
        int page = 1;
        String pageText = p.get("page");
        if (pageText != null) {
            try {
                page = Integer.parseInt(pageText);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1) {
                throw new IllegalArgumentException("page must be a whole number from 1, not '" + pageText + "'");
            }
        }
        return new IssueQuery(s, p.get("service"), p.get("release"), p.get("error_type"), p.get("q"), sort, page);
    }

    /** The state whose label is {@code label}, or null. */
    static GroupStatus.State state(String label) {
        for (GroupStatus.State s : GroupStatus.State.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }

    /** The query parameters: each name's first value, decoded; empty values left out. */
    static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (value.length() > MAX_VALUE) {
                throw new IllegalArgumentException(name + " is longer than " + MAX_VALUE + " characters");
            }
            if (!value.isEmpty()) {
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string is not properly percent-encoded");
        }
    }

    /** The issues that pass the filters, sorted, and the requested page of them. */
    public Page apply(List<ErrorGroupView> all) {
        List<ErrorGroupView> sorted = new ArrayList<>(all);
        sorted.sort(sort.order);
        return applySorted(sorted);
    }

    /** As {@link #apply}, for issues already in this query's {@link #sort() order} (kept so per groups version). */
    public Page applySorted(List<ErrorGroupView> sorted) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<ErrorGroupView> kept = new ArrayList<>();
        for (ErrorGroupView i : sorted) {
            if (matches(i, needle)) {
                kept.add(i);
            }
        }
        int pages = Math.max(1, (kept.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = (int) Math.min(kept.size(), (long) (page - 1) * PAGE_SIZE);
        int to = Math.min(kept.size(), from + PAGE_SIZE);
        return new Page(kept.size(), page, pages, List.copyOf(kept.subList(from, to)));
    }

    private boolean matches(ErrorGroupView i, String needle) {
        if (status != null && i.status().state() != status) {
            return false;
        }
        if (errorType != null && !errorType.equals(i.errorType())) {
            return false;
        }
        if (service != null && !i.services().contains(service)) {
            return false;
        }
        if (release != null && !i.releases().contains(release)) {
            return false;
        }
        return needle == null || contains(i.errorType(), needle) || contains(i.sampleMessage(), needle)
                || contains(i.fingerprint(), needle) || i.methods().stream().anyMatch(m -> contains(m, needle));
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** This query's parameters as a query string (without {@code ?}), with {@code page} replaced. */
    public String toQueryString(int pageNumber) {
        StringBuilder sb = new StringBuilder();
        add(sb, "status", status == null ? null : status.label());
        add(sb, "service", service);
        add(sb, "release", release);
        add(sb, "error_type", errorType);
        add(sb, "q", text);
        add(sb, "sort", sort == Sort.LAST_SEEN ? null : sort.wire());
        add(sb, "page", pageNumber == 1 ? null : Integer.toString(pageNumber));
        return sb.toString();
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : "&").append(name).append('=').append(Urls.encode(value));
        }
    }
}
