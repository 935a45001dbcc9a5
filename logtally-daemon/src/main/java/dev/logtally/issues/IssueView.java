package dev.logtally.issues;

import dev.logtally.parse.Event;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What the pages and the API derive from an {@link Issue} when showing it: "new", times as people read
 * them, a file's name without its directory, and the sparklines (inline SVG bars, numbers only).
 *
 * <pre>{@code
 * IssueView.sparkline(html, issue.hourly().last(24), "events per hour, last 24 h");
 * }</pre>
 */
final class IssueView {
    /** An issue first seen this recently is marked new. */
    static final long NEW_FOR_MILLIS = 24 * 3_600_000L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IssueView() {
    }

    /** First seen in the 24 hours before {@code now} (and not in the future). */
    static boolean isNew(Issue i, long now) {
        return i.firstSeen() != Event.NO_TIME && i.firstSeen() > now - NEW_FOR_MILLIS;
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
