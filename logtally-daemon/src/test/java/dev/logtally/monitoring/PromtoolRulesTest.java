package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules, checked and unit-tested by the real {@code promtool} (Debian package
 * {@code prometheus}): every alert fires when it should and stays silent when it should not, and carries
 * severity, summary, description and a runbook section in monitoring/README.md.
 */
class PromtoolRulesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> TEST_FILES = List.of("anomaly.yml", "errors.yml", "service.yml", "tailer.yml");

    private final Path promtool = RealProgram.requireProgram("promtool", "prometheus");
    private final Path rules = Assets.file("prometheus/rules/error-tracking.yml");
    private final Path testsDir = Assets.dir().resolve("prometheus/rules/tests");

    @Test
    void ruleFileIsValid() throws IOException {
        long entries = Files.readAllLines(rules).stream().filter(l -> l.matches("\\s*- (alert|record):.*")).count();
        ProgramRun.Result r = run("check", "rules", rules.toString()).assertSuccess("promtool check rules");
        assertTrue(r.output().contains("SUCCESS: " + entries + " rules found"), r.output());
    }

    @Test
    void prometheusConfigIsValidWithItsRuleFiles() {
        Path config = Assets.file("prometheus/prometheus.yml");
        ProgramRun.Result r = run("check", "config", config.toString()).assertSuccess("promtool check config");
        assertTrue(r.output().contains("SUCCESS: 1 rule files found"), r.output());
        assertTrue(!r.output().contains("WARNING"), r.output());
    }

    @Test
    void everyRuleTestPasses() throws IOException {
        List<String> found;
        try (Stream<Path> s = Files.list(testsDir)) {
            found = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        }
        assertEquals(TEST_FILES, found, "promtool test files in " + testsDir);
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        found.forEach(args::add);
        ProgramRun.Result r = run(args.toArray(String[]::new)).assertSuccess("promtool test rules");
        for (String f : found) {
            assertTrue(r.output().contains("Unit Testing:  " + f + "\n  SUCCESS"), r.output());
        }
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() throws IOException {
        Set<String> alerts = RuleFile.alerts(rules).keySet();
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (String f : TEST_FILES) {
            for (RuleFile.AlertCase c : RuleFile.alertCases(testsDir.resolve(f))) {
                assertTrue(alerts.contains(c.alertname()), c.file() + " tests an alert the rules do not have: " + c.alertname());
                kinds.computeIfAbsent(c.alertname(), k -> new TreeSet<>()).add(c.expectsFiring() ? "fires" : "silent");
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String a : alerts) {
            Set<String> k = kinds.getOrDefault(a, Set.of());
            if (!k.equals(Set.of("fires", "silent"))) {
                missing.put(a, k);
            }
        }
        assertEquals(Map.of(), missing, "alerts not tested both firing and silent (what their tests cover)");
    }

    @Test
    void everyAlertHasSeveritySummaryDescriptionAndRunbook() throws IOException {
        String readme = Files.readString(Assets.file("README.md"));
        Set<String> headings = readme.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4).trim())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        RuleFile.alerts(rules).forEach((name, block) -> {
            if (!block.matches("(?s).*\\n\\s+severity: (warning|critical)\\n.*")) {
                problems.add(name + ": no severity warning|critical");
            }
            for (String a : List.of("summary", "description")) {
                if (!block.matches("(?s).*\\n\\s+" + a + ": \\S.*")) {
                    problems.add(name + ": no " + a);
                }
            }
            if (!block.contains("runbook_url: \"monitoring/README.md#" + name.toLowerCase() + "\"")) {
                problems.add(name + ": runbook_url is not monitoring/README.md#" + name.toLowerCase());
            }
            if (!headings.contains(name)) {
                problems.add(name + ": no '### " + name + "' runbook section in monitoring/README.md");
            }
        });
        assertEquals(List.of(), problems);
    }

    private ProgramRun.Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(promtool.toString()));
        cmd.addAll(List.of(args));
        return ProgramRun.run(TIMEOUT, testsDir, Map.of(), cmd.toArray(String[]::new));
    }
}
