package dev.logtally.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logtally.base.HostPort;
import org.junit.jupiter.api.Test;

/** The {@code /metrics} address {@code logtally demo} prints, for every form {@code --listen} takes. */
class DemoCommandTest {

    private static String url(String listen, int bound) {
        return DemoCommand.metricsUrl(HostPort.parse("--listen", listen), bound);
    }

    @Test
    void theUrlNamesTheListenHostAndTheBoundPort() {
        assertEquals("http://127.0.0.1:9400/metrics", url("127.0.0.1:9400", 9400));
        assertEquals("http://127.0.0.1:41234/metrics", url("127.0.0.1:0", 41234), "port 0: the port the server got");
        assertEquals("http://127.0.0.1:9400/metrics", url("0.0.0.0:9400", 9400), "all interfaces: reach it on loopback");
        assertEquals("http://127.0.0.1:9400/metrics", url(":9400", 9400), "an empty host is all interfaces too");
        assertEquals("http://[::1]:9400/metrics", url("[::1]:9400", 9400));
        assertEquals("http://localhost:9400/metrics", url("localhost:9400", 9400));
    }
}
