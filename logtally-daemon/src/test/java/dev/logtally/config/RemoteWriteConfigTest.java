package dev.logtally.config;

import dev.logtally.base.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.logtally.export.PushAuth;
import dev.logtally.export.RemoteWriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code remote_write.*}: defaults, every key, and one clear error per impossible value. */
class RemoteWriteConfigTest {
    @TempDir
    Path tmp;

    private static Options load(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("paths", "/var/log/app.log");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return OptionsLoader.load(null, m, Map.of("RW_TOKEN", "t0ken"));
    }

    @Test
    void offByDefault() {
        assertNull(load().remoteWrite());
    }

    @Test
    void defaultsFollowThePush() {
        RemoteWriteOptions rw = load("remote_write.url", "http://vm:8428/api/v1/write, http://prom:9090/api/v1/write",
                "push.url", "http://pg:9091", "push.job", "j", "push.instance", "host-7", "push.interval", "15s").remoteWrite();
        assertEquals(2, rw.urls().size());
        assertEquals("host-7", rw.instance());
        assertEquals("logtally", rw.job());
        assertEquals(Duration.ofSeconds(15), rw.interval());
        assertEquals(Duration.ofSeconds(10), rw.timeout());
        assertEquals(2000, rw.maxSamples());
        assertEquals(Map.of(), rw.headers());
        assertEquals(PushAuth.NONE, rw.auth());
    }

    @Test
    void everyKeyAndTheSecretsMasked() throws IOException {
        Path ca = Files.writeString(tmp.resolve("ca.pem"), "not read here");
        Options o = load("remote_write.url", "https://mimir:9009/api/v1/push", "remote_write.job", "tailers",
                "remote_write.instance", "web-1", "remote_write.interval", "30s", "remote_write.timeout", "3s",
                "remote_write.headers", "X-Scope-OrgID=team-a, X-Extra = 1", "remote_write.max.samples", "500",
                "remote_write.bearer.env", "RW_TOKEN", "remote_write.tls.ca.file", ca.toString());
        assertEquals("""
                remote_write.bearer = **** (from environment variable RW_TOKEN)
                remote_write.headers = X-Extra=1,X-Scope-OrgID=team-a
                remote_write.instance = web-1
                remote_write.interval = 30s
                remote_write.job = tailers
                remote_write.max.samples = 500
                remote_write.timeout = 3s
                remote_write.tls.ca.file = %s
                remote_write.url = https://mimir:9009/api/v1/push""".formatted(ca),
                String.join("\n", o.describe().lines().filter(l -> l.startsWith("remote_write.")).toList()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "remote_write.job|x|remote_write.job: is set but remote_write.url (--remote-write) is not",
        "remote_write.url|ftp://vm/api/v1/write|remote_write.url: must start with http:// or https://, got ftp://vm/api/v1/write",
        "remote_write.url|http://u:p@vm/api/v1/write|remote_write.url: must not carry credentials (user:password@); use remote_write.username with remote_write.password.file or remote_write.password.env",
        "remote_write.headers|X-Scope-OrgID|remote_write.headers: 'X-Scope-OrgID' is not Name=value",
        "remote_write.headers|Authorization=Bearer x|remote_write.headers: Authorization is set by logtally itself (use remote_write.username/password or remote_write.bearer)",
        "remote_write.max.samples|0|remote_write.max.samples: 0 is outside 1..1000000",
        "remote_write.username|w|remote_write.password.file: a password (remote_write.password.file or remote_write.password.env) is required with remote_write.username",
        "remote_write.timeout|0s|remote_write.timeout: must be greater than 0, got '0s'",
    })
    void impossibleValuesAreOneLineErrorsNamingTheKey(String key, String value, String message) {
        Map<String, String> m = new HashMap<>(Map.of(key, value));
        if (!key.equals("remote_write.url") && !key.equals("remote_write.job")) {
            m.put("remote_write.url", "http://vm:8428/api/v1/write");
        }
        String[] kv = m.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
        ConfigException e = assertThrows(ConfigException.class, () -> load(kv));
        assertEquals(message, e.getMessage());
    }
}
