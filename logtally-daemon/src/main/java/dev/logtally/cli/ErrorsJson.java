package dev.logtally.cli;

import dev.logtally.archive.Errors;
import dev.logtally.archive.Times;
import dev.logtally.aggregate.ErrorGroupView;

/**
 * {@code errors --json}: one JSON object per group and line, most events first — {@code fingerprint}, {@code error_type},
 * {@code stack_hash} (left out when the events have none), {@code count}, {@code first_seen} and
 * {@code last_seen} (ISO-8601 UTC), {@code first_release}, {@code releases}, {@code services},
 * {@code methods}, {@code sample_message}, {@code sample_correlation_id}, {@code sample_stack_head} (first lines).
 *
 * <pre>{@code
 * out.print(ErrorsJson.render(result, 10));
 * }</pre>
 */
public final class ErrorsJson {
    private ErrorsJson() {
    }

    /** The first {@code top} groups (all when 0). */
    public static String render(Errors.Result result, int top) {
        StringBuilder out = new StringBuilder();
        for (ErrorGroupView g : ErrorsTable.shown(result.groups(), top)) {
            out.append(new JsonLines.Object()
                    .string("fingerprint", g.fingerprint())
                    .string("error_type", g.errorType())
                    .string("stack_hash", g.stackHash().isEmpty() ? null : g.stackHash())
                    .number("count", g.count())
                    .string("first_seen", g.firstSeen() == Errors.NO_LIMIT ? null : Times.full(g.firstSeen()))
                    .string("last_seen", g.lastSeen() == Errors.NO_LIMIT ? null : Times.full(g.lastSeen()))
                    .string("first_release", g.firstRelease())
                    .strings("releases", g.releases())
                    .strings("services", g.services())
                    .strings("methods", g.methods())
                    .string("sample_message", g.sampleMessage())
                    .string("sample_correlation_id", g.sampleCorrelationId())
                    .strings("sample_stack_head", g.stackHead())
                    .end());
        }
        return out.toString();
    }
}
