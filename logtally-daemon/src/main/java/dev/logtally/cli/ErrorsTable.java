package dev.logtally.cli;

import dev.logtally.archive.Errors;
import dev.logtally.archive.Times;
import dev.logtally.aggregate.ErrorGroupView;
import dev.logtally.export.ErrorGroupAlert;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code errors}' terminal rendering, at most {@value #WIDTH} columns wide (longer values are cut with
 * {@code …}): one row per group, most events first — count, error type, fingerprint (what
 * {@code errors resolve|ignore|reopen} takes), last seen (UTC), releases (first release first) and services —
 * and under each row its details: first seen, stack hash and methods; the sample message; the first lines of
 * the sample's stack trace; and a {@code logtally trace ID PATH...} command that runs as printed (the PATHs
 * {@code errors} was given, quoted for the shell). A summary line ends it.
 *
 * <pre>{@code
 * out.print(ErrorsTable.render(result, 10, List.of("samples/logs")));
 * // COUNT  ERROR TYPE     FINGERPRINT       LAST SEEN (UTC)      RELEASES  SERVICES
 * //    61  invalid_share  4c0f8e3a9b1d2c77  2026-11-24 13:40:00  2.4.1     loka-stratum
 * //        first seen 2026-11-24 13:25:03 · stack 5f00f15b · methods mining.submit
 * //        "share from rig-28.worker2 rejected"
 * //        dev.logtally.samples.InvalidShareException: ntime out of range for job 400a497a
 * //            at dev.logtally.samples.SimulatedPool.submit(SimulatedPool.java:37)
 * //        → logtally trace 398c62119d7ea7c4f00da6e6b54dbcf4 samples/logs
 * }</pre>
 */
public final class ErrorsTable {
    /** The widest line printed. */
    public static final int WIDTH = 100;
    /** Stack-trace lines shown under a group. */
    static final int STACK_LINES = 3;
    private static final String[] HEADER = {"COUNT", "ERROR TYPE", "FINGERPRINT", "LAST SEEN (UTC)", "RELEASES",
        "SERVICES"};
    /** Widest each column grows before it is cut (COUNT and LAST SEEN never are). */
    private static final int[] MAX = {12, 20, 16, 19, 16, 14};
    private static final String INDENT = "       ";

    private ErrorsTable() {
    }

    /** The table of the first {@code top} groups (all when 0); {@code paths} go into the trace commands. */
    public static String render(Errors.Result result, int top, List<String> paths) {
        List<ErrorGroupView> shown = shown(result.groups(), top);
        StringBuilder out = new StringBuilder(256 + shown.size() * 512);
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
                    appendDetails(out, shown.get(i - 1), paths);
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
        String[] cells = {
            Long.toString(g.count()),
            Text.oneLine(g.errorType()),
            g.fingerprint(),
            Times.brief(g.lastSeen()),
            releases(g),
            g.services().isEmpty() ? "-" : Text.oneLine(String.join(", ", g.services())),
        };
        for (int c = 0; c < cells.length; c++) {
            cells[c] = Text.cut(cells[c], MAX[c]);
        }
        return cells;
    }

    /** The releases, the first one first: {@code 2.4.1, 2.4.0, 2.4.2} when it first appeared in 2.4.1. */
    private static String releases(ErrorGroupView g) {
        if (g.releases().isEmpty()) {
            return "-";
        }
        List<String> r = new ArrayList<>(g.releases());
        if (g.firstRelease() != null && r.remove(g.firstRelease())) {
            r.add(0, g.firstRelease());
        }
        return Text.oneLine(String.join(", ", r));
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder(WIDTH);
        line.append(Text.padLeft(cells[0], Math.max(5, width[0])));
        for (int c = 1; c < cells.length; c++) {
            line.append("  ").append(Text.pad(cells[c], width[c]));
        }
        appendLine(out, line.toString());
    }

    private static void appendDetails(StringBuilder out, ErrorGroupView g, List<String> paths) {
        StringBuilder d = new StringBuilder(INDENT).append("first seen ").append(Times.brief(g.firstSeen()));
        if (!g.stackHash().isEmpty()) {
            d.append(" · stack ").append(Text.oneLine(g.stackHash()));
        }
        if (!g.methods().isEmpty()) {
            d.append(" · methods ").append(Text.oneLine(String.join(", ", g.methods())));
        }
        appendLine(out, d.toString());
        if (g.sampleMessage() != null && !g.sampleMessage().isEmpty()) {
            appendLine(out, INDENT + '"' + Text.oneLine(g.sampleMessage()) + '"');
        }
        List<String> stack = g.stackHead();
        for (int i = 0; i < Math.min(STACK_LINES, stack.size()); i++) {
            appendLine(out, INDENT + Text.oneLine(stack.get(i)));
        }
        if (g.sampleCorrelationId() != null) {
            // Never cut: a cut command would not run as printed.
            out.append(INDENT).append("→ ").append(ErrorGroupAlert.traceCommand(Text.oneLine(g.sampleCorrelationId()),
                    paths)).append('\n');
        }
    }

    /** One line, trailing spaces removed, cut to {@link #WIDTH} columns. */
    private static void appendLine(StringBuilder out, String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(Text.cut(line.substring(0, end), WIDTH)).append('\n');
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
