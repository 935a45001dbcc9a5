package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.testing.PromText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the synthetic producer pushes: the exact text after three seconds of normal traffic (golden file),
 * consistent histograms, and counters that only grow when the traffic turns into a burst.
 */
class SimulatedMetricsTest {
    @Test
    void threeSecondsOfNormalTrafficMatchTheGoldenFile() throws IOException {
        SimulatedMetrics m = new SimulatedMetrics("loka-stratum");
        for (int i = 1; i <= 3; i++) {
            m.advance(Traffic.normal(), 1.0, 1_700_000_000 + i);
        }
        assertEquals(golden("simulated-metrics-3s.prom"), m.text());
    }

    @Test
    void histogramsAreCumulativeAndCountersOnlyGrow() {
        SimulatedMetrics m = new SimulatedMetrics("loka-stratum");
        m.advance(Traffic.normal(), 1.0, 1);
        Map<String, Double> before = PromText.parse(m.text());
        for (int i = 0; i < 5; i++) {
            m.advance(Traffic.errorBurst(), 1.0, 2 + i);
        }
        Map<String, Double> after = PromText.parse(m.text());
        for (String method : SimulatedMetrics.methodNames()) {
            double previous = 0;
            for (double le : SimulatedMetrics.BUCKETS) {
                String key = "loka_stratum_request_duration_seconds_bucket{le=\"" + Double.toString(le).replaceFirst("\\.0$", "")
                        + "\",method=\"" + method + "\"}";
                double v = after.get(key);
                assertTrue(v >= previous, key);
                previous = v;
            }
            assertEquals(after.get("loka_stratum_request_duration_seconds_count{method=\"" + method + "\"}"),
                    after.get("loka_stratum_request_duration_seconds_bucket{le=\"+Inf\",method=\"" + method + "\"}"));
        }
        before.forEach((k, v) -> {
            if (k.contains("_total") || k.contains("_bucket") || k.contains("_count")) {
                assertTrue(after.get(k) >= v, k);
            }
        });
        // 5 s of burst: 150 connection timeouts and 2 more invalid shares (0.4/s carried over 6 s: 2 in all).
        assertEquals(150.0, after.get("loka_stratum_errors_total{error_type=\"connection_timeout\",service=\"loka-stratum\"}"));
        assertEquals(2.0, after.get("loka_stratum_errors_total{error_type=\"invalid_share\",service=\"loka-stratum\"}"));
        // 6 s at 40 requests/s: 70% mining.submit.
        assertEquals(168.0, after.get("loka_stratum_request_duration_seconds_count{method=\"mining.submit\"}"));
        assertEquals(240.0, SimulatedMetrics.methodNames().stream()
                .mapToDouble(x -> after.get("loka_stratum_request_duration_seconds_count{method=\"" + x + "\"}")).sum());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = SimulatedMetricsTest.class.getResourceAsStream("/monitoring/" + name)) {
            if (in == null) {
                throw new AssertionError("missing golden file src/test/resources/monitoring/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
