package dev.logtally.issues;

import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.aggregate.HourlyCounts;
import dev.logtally.parse.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the pages and the API derive from an {@link ErrorGroupView} when showing it: times as people read
 * them, a status in words, a file's name without its directory, and the sparklines (inline SVG bars,
 * numbers only) of its {@link HourlyCounts}.
 *
 * <pre>{@code
 * IssueView.sparkline(html, IssueView.lastHours(group.hourly(), 24), "last 24 hours", 20);
 * }</pre>
 */
final class IssueView {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IssueView() {
    }

    /** The newest {@code n} hours, oldest first. */
    static long[] lastHours(HourlyCounts h, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int k = h.size() - n + i;
            out[i] = k < 0 ? 0 : h.get(k);
        }
        return out;
    }

    /** The newest {@code days} days, each the sum of 24 hours, oldest first. */
    static long[] lastDays(HourlyCounts h, int days) {
        long[] hours = lastHours(h, days * 24);
        long[] out = new long[days];
        for (int i = 0; i < hours.length; i++) {
            out[i / 24] += hours[i];
        }
        return out;
    }

    /** The status in words: {@code unresolved}, {@code resolved in 2.4.2}, {@code resolved in the next release}, {@code ignored}. */
    static String status(ErrorGroupView g) {
        var s = g.status();
        return s.inRelease() != null ? "resolved in " + s.inRelease()
                : s.afterRelease() != null ? "resolved in the release after " + s.afterRelease()
                : s.state().label();
    }

    /** {@code 2026-11-24 13:24:56 UTC}, or {@code -}. */
    static String shown(long millis) {
        return millis == Event.NO_TIME ? "-" : SHOWN.format(Instant.ofEpochMilli(millis));
    }

    /** ISO-8601 for {@code <time datetime>}, or null. */
    static String iso(long millis) {
        return millis == Event.NO_TIME ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** The last name of a path as the trace gives it (the page shows no server directories). */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Writes {@code counts} as an SVG bar chart, {@code label} as its accessible name. */
    static void sparkline(Html h, long[] counts, String label, int height) {
        long max = 0;
        long sum = 0;
        for (long c : counts) {
            max = Math.max(max, c);
            sum += c;
        }
        int barWidth = 4;
        int width = counts.length * barWidth;
        String title = label + ": " + sum + " events";
        h.open("svg", "class", "spark", "role", "img", "aria-label", title, "width", Integer.toString(width),
                "height", Integer.toString(height), "viewbox", "0 0 " + width + " " + height);
        h.el("title", title);
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            int barHeight = max == 0 ? 0 : (int) Math.max(c > 0 ? 1 : 0, Math.round((double) c * height / max));
            if (barHeight > 0) {
                h.empty("rect", "x", Integer.toString(i * barWidth), "y", Integer.toString(height - barHeight),
                        "width", Integer.toString(barWidth - 1), "height", Integer.toString(barHeight));
                h.close("rect");
            }
        }
        h.close("svg");
    }
}
