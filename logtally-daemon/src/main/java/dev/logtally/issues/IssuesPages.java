package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.archive.TracedEvent;
import dev.logtally.parse.Event;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two HTML pages, rendered on the server through {@link Html} (so every string from a log is escaped):
 * the issues list and one issue with its breadcrumbs. The pages load one stylesheet and one script from
 * {@code /assets/} (no CDN, nothing inline, so the Content-Security-Policy can forbid everything else);
 * they work without the script, which only adds the status buttons' requests and submits the filters
 * on change.
 *
 * <pre>{@code
 * String html = IssuesPages.list(query, query.apply(groups.groups()), services, releases);
 * }</pre>
 */
final class IssuesPages {
    /** Stack-trace lines shown on an issue's page. */
    static final int STACK_LINES = 200;

    private IssuesPages() {
    }

    /** The list ({@code /issues}); the filters' choices: every service and release of the groups, sorted. */
    static String list(IssueQuery q, IssueQuery.Page page, Set<String> services, Set<String> releases) {
        Html h = head("Issues");
        h.open("main", "id", "main");
        h.el("h1", "Issues");
        filters(h, q, services, releases);
        h.open("p", "class", "summary", "id", "summary").text(page.total() + (page.total() == 1 ? " issue" : " issues")
                + " · page " + page.page() + " of " + page.pages()).close("p").nl();
        if (page.issues().isEmpty()) {
            h.el("p", "No issue matches.", "class", "empty");
        } else {
            table(h, page.issues());
        }
        pager(h, q, page);
        h.close("main");
        return foot(h);
    }

    private static void filters(Html h, IssueQuery q, Set<String> services, Set<String> releases) {
        h.open("form", "class", "filters", "method", "get", "action", "/issues", "role", "search", "id", "filters").nl();
        select(h, "status", "Status", q.status() == null ? "" : q.status().label(),
                List.of("", "unresolved", "resolved", "ignored"), List.of("any", "unresolved", "resolved", "ignored"));
        select(h, "service", "Service", q.service(), withAny(services), labels(services));
        select(h, "release", "Release", q.release(), withAny(releases), labels(releases));
        h.open("label").text("Text ").empty("input", "type", "search", "name", "q", "value", q.text(),
                "placeholder", "type, message…").close("label").nl();
        if (q.errorType() != null) {
            h.open("label").text("Error type ").empty("input", "type", "text", "name", "error_type",
                    "value", q.errorType()).close("label").nl();
        }
        select(h, "sort", "Sort", q.sort().wire(), List.of("last_seen", "count", "first_seen"),
                List.of("last seen", "events", "first seen"));
        h.el("button", "Apply", "type", "submit").nl();
        h.close("form").nl();
    }

    private static List<String> withAny(Set<String> values) {
        List<String> out = new java.util.ArrayList<>();
        out.add("");
        out.addAll(values);
        return out;
    }

    private static List<String> labels(Set<String> values) {
        List<String> out = new java.util.ArrayList<>();
        out.add("any");
        out.addAll(values);
        return out;
    }

    private static void select(Html h, String name, String label, String selected, List<String> values,
                               List<String> labels) {
        h.open("label").text(label + " ").open("select", "name", name);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            boolean on = Objects.equals(v, selected == null ? "" : selected);
            h.el("option", labels.get(i), "value", v, "selected", on ? "selected" : null);
        }
        h.close("select").close("label").nl();
    }

    private static void table(Html h, List<ErrorGroupView> issues) {
        h.open("table", "class", "issues", "id", "issues").nl();
        h.open("thead").open("tr");
        for (String c : List.of("Issue", "Events", "24 h", "14 d", "First seen", "Last seen", "Release", "Services", "Status")) {
            h.el("th", c, "scope", "col");
        }
        h.close("tr").close("thead").nl().open("tbody").nl();
        for (ErrorGroupView i : issues) {
            h.open("tr", "data-fingerprint", i.fingerprint());
            h.open("td", "class", "issue");
            h.el("a", i.errorType(), "class", "type", "href", Urls.issue(i.fingerprint()));
            marks(h, i);
            h.el("div", i.sampleMessage(), "class", "msg");
            h.close("td");
            h.el("td", Long.toString(i.count()), "class", "count", "data-label", "Events");
            h.open("td", "class", "spark24", "data-label", "24 h");
            IssueView.sparkline(h, IssueView.lastHours(i.hourly(), 24), "last 24 hours", 20);
            h.close("td");
            h.open("td", "class", "spark14", "data-label", "14 d");
            IssueView.sparkline(h, IssueView.lastDays(i.hourly(), 14), "last 14 days", 20);
            h.close("td");
            time(h, "td", i.firstSeen(), "first-seen", "First seen");
            time(h, "td", i.lastSeen(), "last-seen", "Last seen");
            h.el("td", i.firstRelease() == null ? "-" : i.firstRelease(), "class", "release", "data-label", "Release");
            h.el("td", String.join(", ", i.services()), "class", "services", "data-label", "Services");
            h.el("td", IssueView.status(i), "class", "status status-" + i.status().state().label(), "data-label", "Status");
            h.close("tr").nl();
        }
        h.close("tbody").close("table").nl();
    }

    private static void marks(Html h, ErrorGroupView i) {
        if (i.isNew()) {
            h.text(" ").el("span", "new", "class", "badge new");
        }
        if (i.regressed()) {
            h.text(" ").el("span", "regressed", "class", "badge regressed");
        }
    }

    private static void time(Html h, String cell, long millis, String cls, String label) {
        h.open(cell, "class", cls, "data-label", label);
        h.el("time", IssueView.shown(millis), "datetime", IssueView.iso(millis));
        h.close(cell);
    }

    private static void pager(Html h, IssueQuery q, IssueQuery.Page page) {
        if (page.pages() <= 1) {
            return;
        }
        h.open("nav", "class", "pager", "aria-label", "pages");
        if (page.page() > 1) {
            h.el("a", "← Previous", "rel", "prev", "href", "/issues?" + q.toQueryString(page.page() - 1));
        }
        if (page.page() < page.pages()) {
            h.el("a", "Next →", "rel", "next", "href", "/issues?" + q.toQueryString(page.page() + 1));
        }
        h.close("nav").nl();
    }

    /**
     * One issue ({@code /issues/<fingerprint>}) with the breadcrumbs of {@code crumbs}' ID.
     *
     * @param changeable   status buttons are shown (the source is writable and a token is configured)
     * @param readOnlyWhy  why not, shown instead
     * @param errorLevels  levels that count as errors, to find the sample's own event among the breadcrumbs
     */
    static String issue(ErrorGroupView i, Breadcrumbs.Crumbs crumbs, boolean changeable, String readOnlyWhy,
                        Set<String> errorLevels) {
        Html h = head(i.errorType() + " · Issues");
        h.open("main", "id", "main");
        h.open("p", "class", "crumb").el("a", "← Issues", "href", "/issues").close("p");
        h.open("h1").el("span", i.errorType(), "class", "type", "id", "issue-type");
        marks(h, i);
        h.close("h1").nl();
        h.el("p", i.sampleMessage(), "class", "msg", "id", "issue-message");
        facts(h, i);
        actions(h, i, changeable, readOnlyWhy);
        h.open("section", "aria-labelledby", "over-time").el("h2", "Events over time", "id", "over-time");
        h.open("p", "class", "sparks").text("Last 24 hours ");
        IssueView.sparkline(h, IssueView.lastHours(i.hourly(), 24), "last 24 hours", 40);
        h.text(" Last 14 days ");
        IssueView.sparkline(h, IssueView.lastDays(i.hourly(), 14), "last 14 days", 40);
        h.close("p").close("section").nl();
        stack(h, i, crumbs, errorLevels);
        breadcrumbs(h, i, crumbs);
        h.close("main");
        return foot(h);
    }

    private static void facts(Html h, ErrorGroupView i) {
        h.open("dl", "class", "facts", "id", "facts").nl();
        fact(h, "Status", IssueView.status(i), "fact-status");
        fact(h, "Events", Long.toString(i.count()), "fact-count");
        fact(h, "First seen", IssueView.shown(i.firstSeen()), null);
        fact(h, "Last seen", IssueView.shown(i.lastSeen()), null);
        fact(h, "First release", i.firstRelease() == null ? "-" : i.firstRelease(), null);
        fact(h, "Releases", String.join(", ", i.releases()), null);
        fact(h, "Services", String.join(", ", i.services()), null);
        fact(h, "Methods", String.join(", ", i.methods()), null);
        fact(h, "Fingerprint", i.fingerprint(), "fact-fingerprint");
        fact(h, "Stack hash", i.stackHash().isEmpty() ? "-" : i.stackHash(), "fact-stack-hash");
        h.close("dl").nl();
    }

    private static void fact(Html h, String name, String value, String id) {
        h.open("div").el("dt", name).el("dd", value, "id", id).close("div").nl();
    }

    private static void actions(Html h, ErrorGroupView i, boolean changeable, String readOnlyWhy) {
        h.open("section", "class", "actions", "aria-labelledby", "status-h").el("h2", "Status", "id", "status-h");
        if (!changeable) {
            h.el("p", readOnlyWhy, "class", "readonly", "id", "readonly");
            h.close("section").nl();
            return;
        }
        h.open("form", "id", "status-form", "data-fingerprint", i.fingerprint(), "autocomplete", "off").nl();
        h.open("label").text("Token ").empty("input", "type", "password", "id", "token", "name", "token",
                "autocomplete", "off", "required", "required").close("label").nl();
        h.open("div", "class", "buttons");
        h.el("button", "Resolve", "type", "button", "data-status", "resolved", "id", "resolve");
        h.el("button", "Resolve in next release", "type", "button", "data-status", "resolved", "data-next", "true",
                "id", "resolve-next");
        h.open("label").text("in release ").empty("input", "type", "text", "id", "in-release", "size", "10")
                .close("label");
        h.el("button", "Resolve in release", "type", "button", "data-status", "resolved", "data-in-release", "true",
                "id", "resolve-in");
        h.el("button", "Ignore", "type", "button", "data-status", "ignored", "id", "ignore");
        h.el("button", "Reopen", "type", "button", "data-status", "unresolved", "id", "reopen");
        h.close("div").nl();
        h.el("p", "", "id", "status-message", "role", "status", "aria-live", "polite");
        h.close("form").close("section").nl();
    }

    private static void stack(Html h, ErrorGroupView i, Breadcrumbs.Crumbs crumbs, Set<String> errorLevels) {
        String trace = null;
        for (TracedEvent t : crumbs.events()) {
            Event e = t.event();
            if (e.stackTrace() != null && e.level() != null && errorLevels.contains(e.level())
                    && i.errorType().equals(e.errorType() == null ? "unknown" : e.errorType())
                    && i.stackHash().equals(e.stackHash() == null ? "" : e.stackHash())) {
                trace = e.stackTrace();
            }
        }
        List<String> lines = trace != null ? List.of(trace.split("\r?\n", -1)) : i.stackHead();
        h.open("section", "aria-labelledby", "stack-h").el("h2", "Stack trace", "id", "stack-h");
        if (lines.isEmpty()) {
            h.el("p", "No stack trace in the sample.", "class", "empty");
        } else {
            StringBuilder text = new StringBuilder();
            int n = Math.min(lines.size(), STACK_LINES);
            for (int k = 0; k < n; k++) {
                text.append(lines.get(k)).append('\n');
            }
            if (lines.size() > n) {
                text.append("… ").append(lines.size() - n).append(" more lines\n");
            }
            h.el("pre", text.toString(), "class", "stack", "id", "stack", "tabindex", "0");
        }
        h.close("section").nl();
    }

    private static void breadcrumbs(Html h, ErrorGroupView i, Breadcrumbs.Crumbs c) {
        String fingerprint = i.fingerprint();
        h.open("section", "aria-labelledby", "crumbs-h").el("h2", "Breadcrumbs", "id", "crumbs-h");
        if (c == null) {
            h.el("p", "The sample has no correlation ID.", "class", "empty").close("section").nl();
            return;
        }
        samples(h, i, c.id());
        h.open("p", "id", "crumbs-summary").text("Correlation ID ").el("code", c.id(), "id", "crumbs-id");
        if (c.busy()) {
            h.text(": the server is busy with other traces; reload in a moment.");
        } else if (c.timedOut()) {
            h.text(": the trace took longer than its time limit (" + c.millis() + " ms) and was stopped.");
        } else {
            h.text(": " + c.found() + (c.found() == 1 ? " event in " : " events in ") + c.files()
                    + (c.files() == 1 ? " file" : " files") + (c.truncated() ? ", the first " + c.events().size() + " shown" : "")
                    + " (" + c.millis() + " ms). ");
            h.el("a", "JSON", "href", Urls.apiTrace(c.id()));
        }
        h.close("p").nl();
        for (String p : c.problems()) {
            h.el("p", p, "class", "problem");
        }
        if (!c.events().isEmpty()) {
            h.open("table", "class", "crumbs", "id", "crumbs").nl();
            h.open("thead").open("tr");
            for (String col : List.of("Time", "Level", "File", "Thread", "Logger", "Message")) {
                h.el("th", col, "scope", "col");
            }
            h.close("tr").close("thead").nl().open("tbody").nl();
            for (TracedEvent t : c.events()) {
                Event e = t.event();
                h.open("tr", "class", "level-" + (e.level() == null ? "none" : e.level().toLowerCase(java.util.Locale.ROOT)));
                time(h, "td", e.timestampMillis(), "time", "Time");
                h.el("td", e.level(), "class", "level", "data-label", "Level");
                h.el("td", IssueView.fileName(t.file()), "class", "file", "data-label", "File");
                h.el("td", e.thread(), "class", "thread", "data-label", "Thread");
                h.el("td", e.logger(), "class", "logger", "data-label", "Logger");
                h.open("td", "class", "message", "data-label", "Message").text(e.message());
                if (e.method() != null) {
                    h.text(" ").el("span", e.method() + (e.hasDuration() ? " " + (long) e.durationMs() + " ms" : ""), "class", "timing");
                }
                h.close("td").close("tr").nl();
            }
            h.close("tbody").close("table").nl();
        }
        h.open("form", "class", "sample", "method", "get", "action", Urls.issue(fingerprint));
        h.open("label").text("Breadcrumbs of another correlation ID ").empty("input", "type", "text", "name", "sample",
                "size", "34").close("label").text(" ").el("button", "Show", "type", "submit");
        h.close("form").nl();
        h.close("section").nl();
    }

    /** Links to the breadcrumbs of the group's latest samples, the one shown marked as the current page. */
    private static void samples(Html h, ErrorGroupView i, String shown) {
        if (i.recentSamples().isEmpty()) {
            return;
        }
        h.open("nav", "aria-label", "Samples", "class", "samples", "id", "samples").text("Latest samples: ");
        for (String id : i.recentSamples()) {
            if (id.equals(shown)) {
                h.el("code", id, "aria-current", "page", "class", "sample-link");
            } else {
                h.el("a", id, "href", Urls.issue(i.fingerprint()) + "?sample=" + Urls.encode(id), "class", "sample-link");
            }
            h.text(" ");
        }
        h.close("nav").nl();
    }

    private static Html head(String title) {
        Html h = new Html().doctype();
        h.open("html", "lang", "en").open("head").nl();
        h.empty("meta", "charset", "utf-8").nl();
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl();
        h.empty("meta", "name", "color-scheme", "content", "light dark").nl();
        h.el("title", title + " · logtally").nl();
        h.empty("link", "rel", "stylesheet", "href", "/assets/issues.css").nl();
        h.open("script", "src", "/assets/issues.js", "defer", "defer").close("script").nl();
        h.close("head").nl().open("body").nl();
        h.el("a", "Skip to content", "class", "skip", "href", "#main");
        h.open("header").el("a", "logtally", "class", "brand", "href", "/issues")
                .open("nav", "aria-label", "site").el("a", "Issues", "href", "/issues").text(" ")
                .el("a", "JSON API", "href", "/api/issues").close("nav").close("header").nl();
        return h;
    }

    private static String foot(Html h) {
        h.nl().close("body").close("html").nl();
        return h.toString();
    }
}
