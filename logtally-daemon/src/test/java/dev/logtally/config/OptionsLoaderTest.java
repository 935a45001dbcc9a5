package dev.logtally.config;

import dev.logtally.base.HostPort;

import dev.logtally.base.Durations;

import dev.logtally.base.ConfigException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logtally.parse.LogField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsLoaderTest {
    @TempDir
    Path tmp;

    private static Options flags(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return OptionsLoader.load(null, m, Map.of("PGPW", "s3cret-env"));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Options o = flags("paths", "/var/log/app/*.log");
        assertEquals("""
                alertmanager.url = (none)
                buckets = 0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10
                checkpoint.interval = 1s
                error.levels = ERROR
                errors.escalating.events = 0 (off)
                errors.escalating.window = 10m
                errors.max.groups = 1000
                fields.correlation_id = correlation_id
                fields.duration_ms = duration_ms
                fields.error_type = error_type
                fields.fingerprint = fingerprint
                fields.level = level
                fields.logger = logger_name
                fields.message = message
                fields.method = method
                fields.release = release
                fields.service = service
                fields.stack_hash = stack_hash
                fields.stack_trace = stack_trace
                fields.thread = thread_name
                fields.timestamp = @timestamp
                gauges =\s
                issues.remote = false
                issues.token.file = (none: read-only)
                labels.extra = (none)
                labels.max.values = 100
                line.max.bytes = 1MiB
                listen = (none)
                namespace = app
                paths = /var/log/app/*.log
                poll.interval = 200ms
                push.url = (none)
                remote_write.url = (none)
                rotate.wait = 5s
                rotated = (siblings starting with each file's stem)
                start.position = beginning
                state.dir = (none)""", o.describe());
    }

    @Test
    void issuesTokenIsReadFromItsFileAndNeverShown() throws IOException {
        Path token = tmp.resolve("issues.token");
        Files.writeString(token, "t0ken-value\n");
        Options o = flags("paths", "a.log", "issues.token.file", token.toString(), "issues.remote", "true");
        assertEquals("t0ken-value", o.issues().token().reveal());
        assertTrue(o.issues().remote());
        assertTrue(o.describe().contains("issues.token.file = file " + token + " ****\n"), o.describe());
        assertFalse(o.describe().contains("t0ken-value"));
        ConfigException missing = assertThrows(ConfigException.class,
                () -> flags("paths", "a.log", "issues.token.file", tmp.resolve("none").toString()));
        assertEquals("issues.token.file", missing.key());
        ConfigException remote = assertThrows(ConfigException.class, () -> flags("paths", "a.log", "issues.remote", "yes"));
        assertEquals("issues.remote: 'yes' must be true or false", remote.getMessage());
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        Path f = tmp.resolve("tailer.properties");
        Files.writeString(f, """
                # comment
                paths = /a/*.log, /b/app.log
                namespace = loka_stratum
                gauges = active_connections,pool_connected
                push.url = http://127.0.0.1:9091/
                push.job = stratum
                push.interval = 30s
                fields.duration_ms = took_ms
                """);
        Options o = OptionsLoader.load(f, Map.of("push.interval", "1s", "push.instance", "host-1"), Map.of());
        assertEquals(List.of("/a/*.log", "/b/app.log"), o.paths());
        assertEquals("loka_stratum", o.namespace());
        assertEquals(List.of("active_connections", "pool_connected"), o.gauges());
        assertEquals("http://127.0.0.1:9091", o.push().url().toString());
        assertEquals(Duration.ofSeconds(1), o.pushInterval());
        assertEquals(Duration.ofSeconds(1), o.checkpointInterval(), "checkpoint interval follows the push interval");
        assertEquals("host-1", o.push().instance());
        assertEquals("took_ms", o.fields().name(LogField.DURATION_MS));
    }

    @Test
    void secretsAreReadOnceAndMasked() throws IOException {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "hunter2-file\n");
        Options o = flags("push.url", "http://127.0.0.1:9091", "push.job", "j", "push.username", "u",
                "push.password.file", pw.toString());
        assertEquals("hunter2-file", ((dev.logtally.export.PushAuth.Basic) o.push().auth()).password().reveal());
        assertFalse(o.describe().contains("hunter2"), o.describe());
        assertTrue(o.describe().contains("push.password = **** (from file " + pw + ")"), o.describe());
        Options e = flags("push.url", "http://127.0.0.1:9091", "push.job", "j", "push.bearer.env", "PGPW");
        assertEquals("s3cret-env", ((dev.logtally.export.PushAuth.Bearer) e.push().auth()).token().reveal());
        assertFalse(e.describe().contains("s3cret"), e.describe());
        assertFalse(e.toString().contains("s3cret"), "record toString masks too");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "namespace|9lives|namespace: '9lives' is not a valid metric name prefix (letters, digits and '_', not starting with a digit or '__')",
            "namespace|__x|namespace: '__x' is not a valid metric name prefix (letters, digits and '_', not starting with a digit or '__')",
            "push.interval|10 sec|push.interval: '10 sec' is not a duration (write it as Prometheus does: 250ms, 1s, 5m, 1h)",
            "poll.interval|0s|poll.interval: must be greater than 0, got '0s'",
            "buckets|0.1,0.05|buckets: bounds must be strictly ascending: 0.1 then 0.05",
            "buckets|0.1,+Inf|buckets: '+Inf' is not finite (+Inf is always added)",
            "buckets|a|buckets: 'a' is not a number",
            "buckets|1,1|buckets: bounds must be strictly ascending: 1 then 1",
            "buckets|NaN|buckets: 'NaN' is not finite (+Inf is always added)",
            "buckets|' , '|buckets: must list at least one bound",
            "error.levels|FATAL|error.levels: 'FATAL' is not a level (TRACE, DEBUG, INFO, WARN, ERROR)",
            "labels.max.values|0|labels.max.values: 0 is outside 1..100000",
            "labels.max.values|100001|labels.max.values: 100001 is outside 1..100000",
            "labels.max.values|4294967297|labels.max.values: '4294967297' is too large",
            "labels.max.values|-4294967297|labels.max.values: '-4294967297' is too small",
            "labels.max.values|ten|labels.max.values: 'ten' is not a whole number",
            "error.levels|' , '|error.levels: must list at least one level",
            "line.max.bytes|1TB|line.max.bytes: '1TB' is not a size (write e.g. 1048576, 512KiB, 1MiB)",
            "start.position|middle|start.position: 'middle' must be 'beginning' or 'end'",
            "listen|localhost|listen: 'localhost' is not HOST:PORT",
            "listen|:70000|listen: port 70000 is outside 0..65535",
            "gauges|a-b|gauges: 'a-b' is not a valid metric name part (letters, digits and '_', not starting with a digit)",
            "gauges|2xx_rate|gauges: '2xx_rate' is not a valid metric name part (letters, digits and '_', not starting with a digit)",
            "gauges|q,q|gauges: 'q' is listed twice",
            "gauges|errors_total|gauges: 'errors_total' would be exported as app_errors_total, which is already one of logtally's metrics",
            "gauges|duration_ms|gauges: 'duration_ms' is already the field of fields.duration_ms",
            "fields.method|level|fields.method: 'level' is already the field of fields.level",
            "push.job|j|push.job: is set but push.url (--push) is not",
            "fields.nope|x|fields.nope: unknown key (fields: [correlation_id, duration_ms, error_type, fingerprint, level, logger, message, method, release, service, stack_hash, stack_trace, thread, timestamp])",
            "colour|red|colour: unknown key",
    })
    void impossibleValuesNameTheirKey(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> flags(key, value));
        assertEquals(message, e.getMessage());
        assertEquals(key, e.key());
    }

    @Test
    void pushNeedsAJobAndSafeGroupingValues() {
        assertEquals("push.job: is required with push.url (--job NAME)",
                assertThrows(ConfigException.class, () -> flags("push.url", "http://127.0.0.1:1")).getMessage());
        assertEquals("push.instance: 'my host' has ' ' at position 3; use only letters, digits, '.', '_' and '-'",
                assertThrows(ConfigException.class, () -> flags("push.url", "http://127.0.0.1:1", "push.job", "j",
                        "push.instance", "my host")).getMessage());
        assertEquals("push.url: must start with http:// or https://, got ftp://x",
                assertThrows(ConfigException.class, () -> flags("push.url", "ftp://x", "push.job", "j")).getMessage());
        assertEquals("push.url: must not carry credentials (user:password@); use push.username with push.password.file or push.password.env",
                assertThrows(ConfigException.class, () -> flags("push.url", "http://u:pw@127.0.0.1:1", "push.job", "j")).getMessage());
    }

    @Test
    void missingSecretSourcesAreClearWithoutTheValue() {
        Path missing = tmp.resolve("nope");
        assertEquals("push.password.file: cannot read " + missing + ": no such file",
                assertThrows(ConfigException.class, () -> flags("push.url", "http://127.0.0.1:1", "push.job", "j",
                        "push.username", "u", "push.password.file", missing.toString())).getMessage());
        assertEquals("push.bearer.env: environment variable NOPE is not set",
                assertThrows(ConfigException.class, () -> flags("push.url", "http://127.0.0.1:1", "push.job", "j",
                        "push.bearer.env", "NOPE")).getMessage());
    }

    @Test
    void missingConfigFileIsAConfigError() {
        Path f = tmp.resolve("absent.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> OptionsLoader.load(f, Map.of(), Map.of()));
        assertEquals("--config: no such file: " + f, e.getMessage());
    }

    @Test
    void valuesParse() {
        Options o = flags("buckets", "0.1, 1,10", "error.levels", "error,warn", "listen", "[::1]:9400",
                "line.max.bytes", "512KiB", "start.position", "end");
        assertArrayEquals(new double[] {0.1, 1, 10}, o.buckets());
        assertEquals(Set.of("ERROR", "WARN"), o.errorLevels());
        assertEquals(new HostPort("::1", 9400), o.listen());
        assertEquals(512 * 1024, o.lineMaxBytes());
        assertTrue(o.startAtEnd());
        assertNull(o.push());
    }

    @Test
    void durationsRoundTrip() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("k", "1h30m"));
        assertEquals(Duration.ofMillis(250), Durations.parse("k", "250ms"));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("1s500ms", Durations.format(Duration.ofMillis(1500)));
        assertThrows(ConfigException.class, () -> Durations.parse("k", "30m1h"));
        assertThrows(ConfigException.class, () -> Durations.parse("k", "5"));
    }
}
