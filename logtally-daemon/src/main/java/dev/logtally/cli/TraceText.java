package dev.logtally.cli;

import dev.logtally.archive.Times;
import dev.logtally.archive.TracedEvent;
import dev.logtally.parse.Event;
import java.util.List;

/**
 * {@code trace}'s terminal rendering: one line per event — time, level, logger (simple name), message —
 * followed by what the event says about the request: {@code [mining.submit 12.346 ms]} for a timed event,
 * {@code [invalid_share]} for an error type; an exception's first {@value #STACK_LINES} lines of stack
 * trace are indented under it. Columns are aligned over the whole trace.
 *
 * <pre>{@code
 * out.print(TraceText.render(result.events()));
 * // 2026-11-24T13:25:03.565Z  ERROR  StratumProxy  share from rig-28.worker2 rejected  [invalid_share]
 * //     dev.logtally.samples.InvalidShareException: ntime out of range for job 400a497a
 * //         at dev.logtally.samples.SimulatedPool.submit(SimulatedPool.java:37)
 * }</pre>
 */
public final class TraceText {
    /** Lines of a stack trace shown under its event. */
    static final int STACK_LINES = 3;

    private TraceText() {
    }

    public static String render(List<TracedEvent> events) {
        int loggerWidth = 0;
        for (TracedEvent t : events) {
            loggerWidth = Math.max(loggerWidth, simpleName(t.event().logger()).length());
        }
        StringBuilder out = new StringBuilder(events.size() * 128);
        for (TracedEvent t : events) {
            append(out, t.event(), loggerWidth);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Event e, int loggerWidth) {
        out.append(Times.full(e.timestampMillis())).append("  ")
                .append(Text.pad(e.level() == null ? "-" : e.level(), 5)).append("  ");
        if (loggerWidth > 0) {
            out.append(Text.pad(simpleName(e.logger()), loggerWidth)).append("  ");
        }
        out.append(Text.oneLine(e.message()));
        if (e.method() != null && e.hasDuration()) {
            out.append("  [").append(Text.oneLine(e.method())).append(' ').append(Text.number(e.durationMs())).append(" ms]");
        } else if (e.method() != null) {
            out.append("  [").append(Text.oneLine(e.method())).append(']');
        }
        if (e.errorType() != null) {
            out.append("  [").append(Text.oneLine(e.errorType())).append(']');
        }
        // Trailing spaces left by an empty message or logger column say nothing.
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
        appendStack(out, e.stackTrace());
    }

    private static void appendStack(StringBuilder out, String stack) {
        if (stack == null || stack.isBlank()) {
            return;
        }
        String[] lines = stack.strip().split("\r?\n");
        int shown = Math.min(STACK_LINES, lines.length);
        for (int i = 0; i < shown; i++) {
            String line = lines[i].strip();
            out.append(i == 0 ? "    " : "        ").append(Text.oneLine(line)).append('\n');
        }
        if (lines.length > shown) {
            int more = lines.length - shown;
            out.append("        … ").append(more).append(more == 1 ? " more line\n" : " more lines\n");
        }
    }

    /** The part after the last dot: {@code StratumProxy} for {@code dev.logtally.samples.StratumProxy}. */
    static String simpleName(String logger) {
        if (logger == null) {
            return "";
        }
        int dot = logger.lastIndexOf('.');
        return Text.oneLine(dot >= 0 && dot < logger.length() - 1 ? logger.substring(dot + 1) : logger);
    }
}
