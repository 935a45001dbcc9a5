package dev.logtally.export;

import dev.logtally.aggregate.AlertTransition;
import dev.logtally.aggregate.ErrorGroupView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One error-group alert in Alertmanager's API v2 form. Labels: {@code alertname} ({@code NewErrorGroup},
 * {@code ErrorGroupRegressed}, {@code ErrorGroupEscalating}), {@code severity}, {@code service},
 * {@code error_type}, {@code fingerprint}. Annotations: {@code summary}, {@code description} (the sample
 * message, the first stack lines, the release, the count), {@code trace} (a {@code logtally trace ID PATH...}
 * command that runs as printed) and {@code issue_url} (the issues page, when {@code listen} is set).
 *
 * <p>Log text is data: Alertmanager never evaluates annotation values as templates (its notification
 * templates insert them with {@code {{ .Annotations.description }}}, which prints {@code {{} as it is;
 * html/template escapes it for HTML email); {@code ErrorGroupAlertIT} sends a message holding
 * {@code {{ .Labels }}} through the real Alertmanager. Everything is bounded: a label value to
 * {@value #MAX_LABEL} characters, the description to {@value #MAX_DESCRIPTION}, whatever the log held.
 *
 * <pre>{@code
 * Map<String, Object> alert = ErrorGroupAlert.of(transition, view, options, clock.millis());
 * }</pre>
 */
public final class ErrorGroupAlert {
    static final int MAX_LABEL = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_MESSAGE = 500;
    static final int STACK_LINES = 5;

    private ErrorGroupAlert() {
    }

    /**
     * @param view  the group, or null when it was dropped since (the alert then carries what the transition knows)
     * @param nowMillis the sender's now: an alert whose {@code endsAt} passed is sent resolved
     */
    public static Map<String, Object> of(AlertTransition t, ErrorGroupView view, AlertOptions options, long nowMillis) {
        String type = view == null ? "unknown" : view.errorType();
        String service = view == null || view.services().isEmpty() ? "" : view.services().get(0);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", t.kind().alertName());
        labels.put("severity", options.severity());
        labels.put("service", cut(service, MAX_LABEL));
        labels.put("error_type", cut(type, MAX_LABEL));
        labels.put("fingerprint", t.fingerprint());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", cut(summary(t, type, service), MAX_LABEL));
        annotations.put("description", cut(description(t, view), MAX_DESCRIPTION));
        if (view != null && view.sampleCorrelationId() != null) {
            annotations.put("trace", cut(traceCommand(view.sampleCorrelationId(), options.tracePaths()), MAX_DESCRIPTION));
        }
        if (options.pageBase() != null) {
            annotations.put("issue_url", options.pageBase() + "/issues/" + t.fingerprint());
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", labels);
        alert.put("annotations", annotations);
        alert.put("startsAt", Instant.ofEpochMilli(t.startsAtMillis()).toString());
        alert.put("endsAt", Instant.ofEpochMilli(Math.max(t.endsAtMillis(), t.startsAtMillis())).toString());
        if (options.pageBase() != null) {
            alert.put("generatorURL", options.pageBase() + "/issues/" + t.fingerprint());
        }
        return alert;
    }

    private static String summary(AlertTransition t, String type, String service) {
        String where = service.isEmpty() ? "" : " in " + service;
        String release = t.release() == null ? "" : " (release " + t.release() + ")";
        return switch (t.kind()) {
            case NEW -> "New error group " + type + where + release;
            case REGRESSED -> "Error group " + type + where + " came back after it was resolved" + release;
            case ESCALATING -> "Error group " + type + where + " is escalating";
        };
    }

    private static String description(AlertTransition t, ErrorGroupView v) {
        StringBuilder b = new StringBuilder();
        if (v != null && v.sampleMessage() != null) {
            b.append(cut(v.sampleMessage(), MAX_MESSAGE)).append('\n');
        }
        if (v != null) {
            List<String> head = v.stackHead();
            for (int i = 0; i < Math.min(STACK_LINES, head.size()); i++) {
                b.append(head.get(i)).append('\n');
            }
        }
        if (t.release() != null) {
            b.append("release: ").append(t.release()).append('\n');
        }
        if (v != null) {
            b.append("events: ").append(v.count());
            if (v.firstRelease() != null) {
                b.append(", first seen in release ").append(v.firstRelease());
            }
        }
        return b.toString().strip();
    }

    /** {@code logtally trace 'ID' 'PATH'...}: single-quoted for a POSIX shell, so that it runs as printed. */
    public static String traceCommand(String correlationId, List<String> paths) {
        StringBuilder b = new StringBuilder("logtally trace ").append(quote(correlationId));
        for (String p : paths) {
            b.append(' ').append(quote(p));
        }
        return b.toString();
    }

    /** A POSIX shell word: bare when it holds only safe characters, else single-quoted. */
    public static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || "-_./:=@,+".indexOf(c) >= 0)) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
