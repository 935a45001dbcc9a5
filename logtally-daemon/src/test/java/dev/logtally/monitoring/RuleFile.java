package dev.logtally.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerting rules of a Prometheus rule file as text blocks, one per {@code - alert:} entry, and the
 * alert cases of promtool test files, read line by line (the JDK has no YAML parser; {@code promtool}
 * itself checks the YAML). Enough to check that every alert is documented and tested both ways.
 *
 * <pre>{@code
 * Map<String, String> alerts = RuleFile.alerts(Assets.file("prometheus/rules/error-tracking.yml"));
 * }</pre>
 */
final class RuleFile {
    private static final Pattern ENTRY = Pattern.compile("^\\s*- (alert|record|name): *(\\S+)\\s*$");
    private static final Pattern ALERTNAME = Pattern.compile("^\\s*(?:- )?alertname: *(\\S+)\\s*$");
    private static final Pattern EXP_ALERTS = Pattern.compile("^\\s*exp_alerts:\\s*(\\[\\])?\\s*$");

    private RuleFile() {
    }

    /** Alert name → the text of its rule, in file order. */
    static Map<String, String> alerts(Path rules) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder block = new StringBuilder();
        for (String line : lines(rules)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    out.put(current, block.toString());
                }
                current = m.group(1).equals("alert") ? m.group(2) : null;
                block.setLength(0);
            }
            block.append(line).append('\n');
        }
        if (current != null) {
            out.put(current, block.toString());
        }
        return out;
    }

    /** One {@code alert_rule_test} case: which alert, and whether it expects it to fire. */
    record AlertCase(Path file, String alertname, boolean expectsFiring) {
    }

    /** Every alert case of a promtool test file. */
    static List<AlertCase> alertCases(Path testFile) {
        List<AlertCase> out = new ArrayList<>();
        String pending = null;
        for (String line : lines(testFile)) {
            Matcher name = ALERTNAME.matcher(line);
            if (name.matches()) {
                pending = name.group(1);
                continue;
            }
            Matcher exp = EXP_ALERTS.matcher(line);
            if (exp.matches() && pending != null) {
                out.add(new AlertCase(testFile, pending, exp.group(1) == null));
                pending = null;
            }
        }
        return out;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
