package dev.logtally.config;

import dev.logtally.base.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code alertmanager.*} and {@code errors.*} keys: validated once, secrets from files and masked. */
class AlertConfigTest {
    @TempDir
    Path tmp;

    @Test
    void alertmanagerKeysWithASecretFromAFileAreMasked() throws Exception {
        Path pw = Files.writeString(tmp.resolve("am-password"), "t0p-s3cret\n");
        Options o = OptionsLoader.load(null, Map.of("paths", "/var/log/app/*.log", "listen", "127.0.0.1:9464",
                "alertmanager.url", "http://127.0.0.1:9093/, http://127.0.0.1:9094",
                "alertmanager.username", "logtally", "alertmanager.password.file", pw.toString(),
                "errors.max.groups", "5000"), Map.of());
        String d = o.describe();
        assertFalse(d.contains("t0p-s3cret"), d);
        assertEquals("""
                alertmanager.password = **** (from file %s)
                alertmanager.quiet = 1h
                alertmanager.resend.interval = 1m
                alertmanager.severity = warning
                alertmanager.timeout = 5s
                alertmanager.url = http://127.0.0.1:9093,http://127.0.0.1:9094
                alertmanager.username = logtally""".formatted(pw), d.substring(0, d.indexOf("\nbuckets")));
        assertEquals(5000, o.errorGroups().maxGroups());
        assertEquals("http://127.0.0.1:9464", o.alerts().pageBase());
        assertEquals(java.util.List.of("/var/log/app"), o.alerts().tracePaths());
    }

    @Test
    void impossibleValuesNameTheirKey() {
        assertEquals("alertmanager.username: is set but alertmanager.url is not", assertThrows(ConfigException.class,
                () -> OptionsLoader.load(null, Map.of("alertmanager.username", "x"), Map.of())).getMessage());
        assertEquals("alertmanager.url: must be http:// or https:// with a host, got ftp://h", assertThrows(
                ConfigException.class, () -> OptionsLoader.load(null, Map.of("alertmanager.url", "ftp://h"), Map.of()))
                .getMessage());
        assertEquals("errors.max.groups: 0 is outside 1..1000000", assertThrows(ConfigException.class,
                () -> OptionsLoader.load(null, Map.of("errors.max.groups", "0"), Map.of())).getMessage());
        assertEquals("alertmanager.password.file: a password (alertmanager.password.file or alertmanager.password.env)"
                + " is required with alertmanager.username", assertThrows(ConfigException.class,
                () -> OptionsLoader.load(null, Map.of("alertmanager.url", "http://h:9093", "alertmanager.username", "u"),
                        Map.of())).getMessage());
    }
}
