package dev.logtally.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The defaults of every setting (the README's table), and the sample's alerts read as data. */
class MonitoringSettingsLoaderTest {
    @Test
    void everyKeyHasItsDocumentedDefault() {
        assertEquals(new MonitoringSettings("shop", "app", 0.05, 10, List.of(new MonitoringSettings.LatencyObjective(null, 1)),
                60, 120, List.of(), null, List.of(), List.of(), "http://localhost:9400", "monitoring/README.md#", false),
                MonitoringSettingsLoader.load("shop", null));
    }

    @Test
    void theSamplesStratumAlertsAreData() {
        MonitoringSettings s = MonitoringBundleTest.sample();
        assertEquals(List.of(
                new MonitoringSettings.ErrorAlert("ConnectionErrors", List.of("connection_timeout", "pool_disconnected"),
                        "connection_timeout", "warning", "Connection errors in {{ $labels.service }}", 0.1, Duration.ofMinutes(5)),
                new MonitoringSettings.ErrorAlert("ProtocolErrors", List.of("protocol_violation"), "protocol_violation", "warning",
                        "Protocol violations in {{ $labels.service }}", 0.1, Duration.ofMinutes(5)),
                new MonitoringSettings.ErrorAlert("DatabaseErrors", List.of("db_write_failed"), "db_write_failed", "critical",
                        "Database writes failing in {{ $labels.service }}", 0, Duration.ofMinutes(1))), s.errorAlerts());
        assertEquals(List.of(
                new MonitoringSettings.GaugeAlert("HighMessageQueue", "message_queue_size", true, 1000, "warning",
                        "Message queue backing up in {{ $labels.job }}", Duration.ofMinutes(5)),
                new MonitoringSettings.GaugeAlert("PoolDisconnected", "pool_connected", false, 1, "critical",
                        "Upstream pool disconnected in {{ $labels.job }}", Duration.ofMinutes(1))), s.gaugeAlerts());
        assertEquals("memory_used_bytes", s.memoryGauge());
    }
}
