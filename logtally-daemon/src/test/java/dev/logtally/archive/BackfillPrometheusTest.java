package dev.logtally.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.RealProgram;
import dev.logtally.cli.ReplayTool;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill, end to end with the real programs: {@code replay --format openmetrics --step 1m} over
 * archives three days old, the real {@code promtool tsdb create-blocks-from openmetrics} turning the output
 * into blocks, the real {@code prometheus} started on those blocks, and instant queries at past moments
 * for an error count and a latency bucket, compared with the truth the workload kept.
 */
class BackfillPrometheusTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @Test
    void prometheusAnswersWithTheTruthAtPastInstants() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        BackfillWorkload w = BackfillWorkload.write(logs, 7);

        Fixtures.Run run = new Fixtures.Run();
        run.code = ReplayTool.run(new ReplayTool.Request(List.of(logs.toString()), Fixtures.options(),
                ReplayTool.Format.OPENMETRICS, Duration.ofMinutes(1), 2, false), run.out, run.err, Fixtures.LATER);
        assertEquals(0, run.code, run.err());
        assertEquals("", run.err());
        Path om = Files.writeString(tmp.resolve("backfill.om"), run.out());

        Path prom = Files.createDirectories(tmp.resolve("prom"));
        Path data = prom.resolve("data");
        Process promtool = new ProcessBuilder(RealProgram.requireProgram("promtool", "prometheus").toString(),
                "tsdb", "create-blocks-from", "openmetrics", om.toString(), data.toString())
                .redirectErrorStream(true).start();
        String promtoolOut = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(120, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, promtool.exitValue(), promtoolOut);

        Path config = Files.writeString(prom.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\n");
        try (RealProgram p = RealProgram.prometheus(prom, config)) {
            for (String at : new String[] {"2026-11-20T09:30:20Z", "2026-11-20T10:59:59Z", "2026-11-20T08:14:00Z"}) {
                Instant query = Instant.parse(at);
                Instant boundary = Instant.ofEpochSecond(query.getEpochSecond() / 60 * 60);
                assertEquals(w.errorsBefore("timeout", boundary), value(p,
                        "loka_stratum_errors_total{error_type=\"timeout\",service=\"api\",source=\"backfill\"}", query), at);
                assertEquals(w.bucketBefore("GET /a", 0.1, boundary), value(p,
                        "loka_stratum_request_duration_seconds_bucket{method=\"GET /a\",le=\"0.1\",source=\"backfill\"}",
                        query), at);
            }
            assertTrue(w.errorsBefore("timeout", Instant.parse("2026-11-20T09:30:00Z")) > 50, "a meaningful count");
        }
    }

    private static long value(RealProgram p, String selector, Instant at) {
        String body = p.get("/api/v1/query?query=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)
                + "&time=" + at.getEpochSecond());
        JsonNode result = JSON.readTree(body).get("data").get("result");
        assertEquals(1, result.size(), selector + " at " + at + ": " + body);
        return Long.parseLong(result.get(0).get("value").get(1).asString());
    }
}
