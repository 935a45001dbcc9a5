package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.base.ConfigException;
import dev.logtally.config.Options;
import dev.logtally.config.OptionsLoader;
import dev.logtally.testing.PromText;
import dev.logtally.testing.RealProgram;
import dev.logtally.cli.ReplayTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --push}: the sample logs' totals pushed to the real Pushgateway under a job of their own,
 * beside a live group that stays untouched; and a push to the live tailer's job refused up front.
 */
class ReplayPushTest {
    @TempDir
    Path tmp;

    private static Options pushing(String url, String job) {
        Map<String, String> flags = new HashMap<>();
        flags.put("namespace", Fixtures.NS);
        flags.put("gauges", String.join(",", Fixtures.SAMPLE_GAUGES));
        flags.put("push.url", url);
        flags.put("push.job", job);
        flags.put("push.instance", "replayer");
        return OptionsLoader.load(null, flags, Map.of());
    }

    /** The group's series without the grouping labels (and the Pushgateway's push_* bookkeeping). */
    private static Map<String, Double> group(RealProgram pg, String instance, String job) {
        String[] instanceAndJob = {"instance=\"" + instance + "\"", "job=\"" + job + "\""};
        Map<String, Double> out = new TreeMap<>();
        PromText.parse(pg.get("/metrics")).forEach((k, v) -> {
            if (k.contains(instanceAndJob[0]) && k.contains(instanceAndJob[1]) && !k.startsWith("push_")) {
                out.put(k.replaceAll(",?instance=\"[^\"]*\"", "").replaceAll(",?job=\"[^\"]*\"", "")
                        .replace("{,", "{").replace("{}", ""), v);
            }
        });
        return out;
    }

    @Test
    void theTotalsArriveUnderTheReplaysJobAndTheLiveGroupStays() throws Exception {
        try (RealProgram pg = RealProgram.pushgateway(tmp)) {
            // A live tailer's group, pushed first.
            Fixtures.Run live = new Fixtures.Run();
            Path one = Fixtures.write(tmp.resolve("live/app.log"), Fixtures.line("@timestamp", Fixtures.q("2026-11-24T13:00:00Z"),
                    "level", Fixtures.q("ERROR"), "error_type", Fixtures.q("invalid_share"), "service", Fixtures.q("loka-stratum")));
            live.code = ReplayTool.run(new ReplayTool.Request(List.of(one.toString()), pushing(pg.url(), "tailer"),
                    ReplayTool.Format.PUSH, null, 1, false), live.out, live.err, Fixtures.LATER);
            assertEquals(0, live.code, live.err());
            Map<String, Double> liveBefore = group(pg, "replayer", "tailer");

            Fixtures.Run run = new Fixtures.Run();
            run.code = ReplayTool.run(new ReplayTool.Request(List.of(Fixtures.sampleDir().toString()),
                    pushing(pg.url(), "tailer-replay"), ReplayTool.Format.PUSH, null, 2, false), run.out, run.err, Fixtures.LATER);
            assertEquals(0, run.code, run.err());
            assertEquals("", run.err());
            assertEquals("pushed the totals of 6001 lines (28 series) to " + pg.url() + " as job tailer-replay, instance "
                    + "replayer (stamped with the time of each scrape, not of the events)\n", run.out());

            Fixtures.Run printed = new Fixtures.Run();
            ReplayTool.run(new ReplayTool.Request(List.of(Fixtures.sampleDir().toString()), Fixtures.options(),
                    ReplayTool.Format.PROMETHEUS, null, 2, false), printed.out, printed.err, Fixtures.LATER);
            assertEquals(PromText.parse(printed.out()), group(pg, "replayer", "tailer-replay"));
            assertEquals(liveBefore, group(pg, "replayer", "tailer"));
            assertEquals(1.0, liveBefore.get("loka_stratum_errors_total{error_type=\"invalid_share\",service=\"loka-stratum\"}"));
        }
    }

    @Test
    void aPushToTheLiveJobOfTheConfigurationIsRefused() throws Exception {
        Path config = Files.writeString(tmp.resolve("tailer.properties"),
                "push.url = http://127.0.0.1:9091\npush.job = tailer\nnamespace = loka_stratum\n");
        Options live = OptionsLoader.load(config, Map.of(), Map.of());
        Options replay = OptionsLoader.load(config, Map.of("push.url", "http://127.0.0.1:9091"), Map.of());
        ConfigException e = assertThrows(ConfigException.class, () -> ReplayTool.checkJobIsNotLive(replay, live));
        assertEquals("--job: 'tailer' is the live tailer's job (push.job in the configuration): a replay pushed there "
                + "would replace the live series; use a job of its own, e.g. tailer-replay", e.getMessage());
        ReplayTool.checkJobIsNotLive(OptionsLoader.load(config, Map.of("push.job", "tailer-replay"), Map.of()), live);
    }

    @Test
    void aPushThatFailsIsOneLineAndExitOne() {
        int port = RealProgram.freePort(); // nothing listens there
        Fixtures.Run run = new Fixtures.Run();
        Options o = OptionsLoader.load(null, Map.of("namespace", "loka_stratum", "push.url", "http://127.0.0.1:" + port,
                "push.job", "replay", "push.instance", "x", "push.timeout", "250ms"), Map.of());
        Path one = Fixtures.write(tmp.resolve("app.log"), "{\"level\":\"INFO\"}\n");
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(one.toString()), o, ReplayTool.Format.PUSH, null, 1,
                false), run.out, run.err, Fixtures.LATER);
        assertEquals(1, run.code);
        String[] lines = run.err().split("\n");
        assertEquals(1, lines.length, run.err());
        assertTrue(lines[0].startsWith("logtally: push to http://127.0.0.1:" + port + " failed after "), lines[0]);
    }
}
