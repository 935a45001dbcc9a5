package dev.logtally.archive;

import dev.logtally.aggregate.ErrorGroupView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code errors}' terminal rendering: an aligned table, most events first, one row per group — count,
 * error type, stack hash, first and last seen (UTC, to the second), the release it first appeared in and
 * all its releases, the services and methods affected — and under each row a sample message with the
 * {@code logtally trace} command for a sample correlation ID. A summary line ends it.
 *
 * <pre>{@code
 * out.print(ErrorsTable.render(result, 10));
 * // COUNT  ERROR TYPE     STACK HASH  FIRST SEEN (UTC)     ...
 * //    61  invalid_share  5f00f15b    2026-11-24 13:25:03  ...
 * //         "share from rig-28.worker2 rejected"  →  logtally trace 398c62119d7ea7c4f00da6e6b54dbcf4
 * }</pre>
 */
public final class ErrorsTable {
    /** Widest a list column (services, methods, releases) or a sample message grows before it is cut. */
    static final int MAX_LIST = 40;
    static final int MAX_MESSAGE = 100;
    private static final String[] HEADER = {"COUNT", "ERROR TYPE", "STACK HASH", "FIRST SEEN (UTC)", "LAST SEEN (UTC)",
        "FIRST RELEASE", "RELEASES", "SERVICES", "METHODS"};

    private ErrorsTable() {
    }

    /** The table of the first {@code top} groups (all when {@code top} is 0 or more than there are). */
    public static String render(Errors.Result result, int top) {
        List<ErrorGroupView> shown = shown(result.groups(), top);
        StringBuilder out = new StringBuilder(256 + shown.size() * 256);
        if (!shown.isEmpty()) {
            List<String[]> rows = new ArrayList<>(shown.size() + 1);
            rows.add(HEADER);
            for (ErrorGroupView g : shown) {
                rows.add(row(g));
            }
            int[] width = new int[HEADER.length];
            for (String[] r : rows) {
                for (int c = 0; c < r.length; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                appendRow(out, rows.get(i), width);
                if (i > 0) {
                    appendSample(out, shown.get(i - 1), width[0] + 2);
                }
            }
            out.append('\n');
        }
        return out.append(summary(result, shown.size())).append('\n').toString();
    }

    static List<ErrorGroupView> shown(List<ErrorGroupView> groups, int top) {
        return top > 0 && top < groups.size() ? groups.subList(0, top) : groups;
    }

    private static String[] row(ErrorGroupView g) {
        return new String[] {
            Long.toString(g.count()),
            Text.oneLine(g.errorType()),
            g.stackHash().isEmpty() ? "-" : Text.oneLine(g.stackHash()),
            Times.brief(g.firstSeen()),
            Times.brief(g.lastSeen()),
            g.firstRelease() == null ? "-" : Text.oneLine(g.firstRelease()),
            list(g.releases()),
            list(g.services()),
            list(g.methods()),
        };
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : Text.cut(Text.oneLine(String.join(", ", values)), MAX_LIST);
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder(128);
        line.append(Text.padLeft(cells[0], width[0]));
        for (int c = 1; c < cells.length; c++) {
            line.append("  ").append(Text.pad(cells[c], width[c]));
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(line, 0, end).append('\n');
    }

    private static void appendSample(StringBuilder out, ErrorGroupView g, int indent) {
        boolean message = g.sampleMessage() != null && !g.sampleMessage().isEmpty();
        if (!message && g.sampleCorrelationId() == null) {
            return;
        }
        out.append(" ".repeat(indent));
        if (message) {
            out.append('"').append(Text.cut(Text.oneLine(g.sampleMessage()), MAX_MESSAGE)).append('"');
        }
        if (g.sampleCorrelationId() != null) {
            out.append(message ? "  →  " : "→  ").append("logtally trace ").append(Text.oneLine(g.sampleCorrelationId()));
        }
        out.append('\n');
    }

    private static String summary(Errors.Result result, int shown) {
        int groups = result.groups().size();
        if (groups == 0) {
            return "No error events.";
        }
        String s = result.events() + (result.events() == 1 ? " error event" : " error events") + " in " + groups
                + (groups == 1 ? " group" : " groups");
        return shown < groups ? s + "; the top " + shown + " shown." : s + ".";
    }
}
