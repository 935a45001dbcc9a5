package dev.logtally.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: a real Pushgateway starts, takes a push, shows it, and stops. */
class RealProgramTest {
    @TempDir
    Path tmp;

    @Test
    void realPushgatewayTakesAPushAndStops() throws Exception {
        RealProgram pg = RealProgram.pushgateway(tmp);
        try (pg) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(pg.url() + "/metrics/job/harness/instance/i1"))
                    .PUT(HttpRequest.BodyPublishers.ofString("# TYPE harness_total counter\nharness_total{a=\"x\"} 3\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            Map<String, Double> m = PromText.parse(pg.get("/metrics"));
            assertEquals(3.0, m.get("harness_total{a=\"x\",instance=\"i1\",job=\"harness\"}"));
        }
        assertTrue(!pg.isAlive(), "stopped");
    }

    @Test
    void missingProgramNamesItsPackage() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> RealProgram.requireProgram("no-such-program-xyz", "some-debian-package"));
        assertTrue(e.getMessage().contains("apt-get install some-debian-package"), e.getMessage());
    }

    @Test
    void promTextCanonicalisesLabels() {
        Map<String, Double> m = PromText.parse("# HELP x y\nx_bucket{le=\"+Inf\",a=\"q\\\"z\"} 4 1700000000000\ny 2.5\n");
        assertEquals(Map.of("x_bucket{a=\"q\\\"z\",le=\"+Inf\"}", 4.0, "y", 2.5), m);
    }
}
