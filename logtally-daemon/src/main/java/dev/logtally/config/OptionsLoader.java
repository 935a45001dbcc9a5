package dev.logtally.config;

import dev.logtally.base.HostPort;

import dev.logtally.base.Durations;

import dev.logtally.base.Secret;

import dev.logtally.base.ConfigException;

import dev.logtally.aggregate.AggregatorOptions;
import dev.logtally.aggregate.ErrorGroupOptions;
import dev.logtally.export.AlertOptions;
import dev.logtally.export.PushAuth;
import dev.logtally.export.PushOptions;
import dev.logtally.export.RemoteWriteOptions;
import dev.logtally.parse.LogField;
import dev.logtally.parse.ParserOptions;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the one {@link Options} of a run: defaults, then the properties file, then flags (flags win).
 * It checks what only it can check (unknown keys, file syntax, values that are not of their key's type:
 * durations, sizes, numbers, lists) and the settings no stage owns (push, listen, intervals); the stages'
 * own settings are mapped onto {@link AggregatorOptions} and {@link ParserOptions}, which are the one owner
 * of their rules. Any impossible value is a {@link ConfigException} naming its key and the value.
 *
 * <pre>{@code
 * Options o = OptionsLoader.load(Path.of("/etc/logtally/tailer.properties"),
 *         Map.of("push.url", "http://127.0.0.1:9091"), System.getenv());
 * }</pre>
 */
public final class OptionsLoader {

    /** Every key a configuration file may hold (besides {@code fields.*}). */
    public static final Set<String> KEYS = Set.of(
            "paths", "rotated", "state.dir", "namespace",
            "push.url", "push.job", "push.instance", "push.interval", "push.timeout", "push.username",
            "push.password.file", "push.password.env", "push.bearer.file", "push.bearer.env", "push.tls.ca.file",
            "listen", "poll.interval", "checkpoint.interval", "rotate.wait", "start.position", "line.max.bytes",
            "labels.max.values", "error.levels", "gauges", "buckets", "labels.extra",
            "remote_write.url", "remote_write.job", "remote_write.instance", "remote_write.interval",
            "remote_write.timeout", "remote_write.headers", "remote_write.max.samples", "remote_write.username",
            "remote_write.password.file", "remote_write.password.env", "remote_write.bearer.file",
            "remote_write.bearer.env", "remote_write.tls.ca.file",
            "errors.max.groups", "errors.escalating.events", "errors.escalating.window", "alertmanager.url", "alertmanager.timeout", "alertmanager.resend.interval",
            "alertmanager.quiet", "alertmanager.severity", "alertmanager.username", "alertmanager.password.file",
            "alertmanager.password.env", "alertmanager.bearer.file", "alertmanager.bearer.env",
            "alertmanager.tls.ca.file",
            "issues.token.file", "issues.remote");

    /** The logical fields ({@code fields.<key>}) by key. */
    private static final Map<String, LogField> FIELDS = new HashMap<>();

    static {
        for (LogField f : LogField.values()) {
            FIELDS.put(f.key(), f);
        }
    }

    private OptionsLoader() {
    }

    /**
     * @param configFile the properties file, or null
     * @param flags      values given as flags, by key (lists comma-separated); they override the file
     * @param env        the environment, for {@code *.env} secrets
     */
    public static Options load(Path configFile, Map<String, String> flags, Map<String, String> env) {
        Map<String, String> raw = new HashMap<>();
        if (configFile != null) {
            raw.putAll(readFile(configFile));
        }
        flags.forEach((k, v) -> {
            if (v != null) {
                raw.put(k, v);
            }
        });
        for (String k : raw.keySet()) {
            if (!KEYS.contains(k) && !(k.startsWith("fields.") && FIELDS.containsKey(k.substring(7)))) {
                throw new ConfigException(k, "unknown key" + (configFile == null ? "" : " in " + configFile)
                        + (k.startsWith("fields.") ? " (fields: " + new TreeSet<>(FIELDS.keySet()) + ")" : ""));
            }
        }
        return build(new Values(raw), env);
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("--config", "no such file: " + file);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException("--config", "permission denied: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.trim(), p.getProperty(k).trim()));
        return m;
    }

    private static Options build(Values v, Map<String, String> env) {
        Duration pushInterval = v.duration("push.interval", "10s");
        PushOptions push = push(v, env);
        Duration checkpointInterval = v.duration("checkpoint.interval", push == null ? "1s" : Durations.format(pushInterval));
        String stateDir = v.get("state.dir");
        AggregatorOptions metrics = new AggregatorOptions(
                v.getOr("namespace", AggregatorOptions.DEFAULT_NAMESPACE),
                buckets(v.get("buckets")),
                v.integer("labels.max.values", AggregatorOptions.DEFAULT_LABELS_MAX_VALUES),
                v.get("error.levels") == null ? AggregatorOptions.DEFAULT_ERROR_LEVELS : v.list("error.levels"),
                v.list("gauges"),
                v.list("labels.extra"));
        return new Options(
                v.list("paths"),
                v.list("rotated"),
                stateDir == null ? null : Path.of(stateDir),
                push,
                pushInterval,
                v.get("listen") == null ? null : HostPort.parse("listen", v.get("listen")),
                v.duration("poll.interval", "200ms"),
                checkpointInterval,
                v.duration("rotate.wait", "5s"),
                startPosition(v.getOr("start.position", "beginning")),
                (int) v.range("line.max.bytes", Sizes.parse("line.max.bytes", v.getOr("line.max.bytes", "1MiB")), 1024, 1L << 28),
                metrics,
                fields(v, metrics.gauges(), metrics.extraLabels()),
                remoteWrite(v, env, push, pushInterval),
                new ErrorGroupOptions(v.integer("errors.max.groups", ErrorGroupOptions.DEFAULT_MAX_GROUPS),
                        v.duration("alertmanager.quiet", "1h"),
                        v.integer("errors.escalating.events", 0),
                        v.duration("errors.escalating.window", "10m")),
                alerts(v, env),
                issues(v));
    }

    /** {@code remote_write.*}: null without {@code remote_write.url}; instance and interval default to the push's. */
    private static RemoteWriteOptions remoteWrite(Values v, Map<String, String> env, PushOptions push, Duration pushInterval) {
        List<String> urls = v.list("remote_write.url");
        if (urls.isEmpty()) {
            for (String k : KEYS) {
                if (k.startsWith("remote_write.") && v.get(k) != null) {
                    throw new ConfigException(k, "is set but remote_write.url (--remote-write) is not");
                }
            }
            return null;
        }
        RemoteWriteOptions rw = RemoteWriteOptions.of(urls, v.getOr("remote_write.job", RemoteWriteOptions.DEFAULT_JOB),
                        v.getOr("remote_write.instance", push == null ? hostName() : push.instance()))
                .withInterval(v.duration("remote_write.interval", Durations.format(pushInterval)))
                .withTimeout(v.duration("remote_write.timeout", Durations.format(RemoteWriteOptions.DEFAULT_TIMEOUT)))
                .withHeaders(RemoteWriteOptions.parseHeaders(v.list("remote_write.headers")))
                .withMaxSamples(v.integer("remote_write.max.samples", RemoteWriteOptions.DEFAULT_MAX_SAMPLES))
                .withAuth(auth(v, env, "remote_write"));
        Path ca = caFile(v, "remote_write.tls.ca.file");
        return ca == null ? rw : rw.withCaFile(ca);
    }

    /** The readable CA file under {@code key}, or null when not set. */
    private static Path caFile(Values v, String key) {
        String ca = v.get(key);
        if (ca != null && !Files.isReadable(Path.of(ca))) {
            throw new ConfigException(key, "cannot read " + ca);
        }
        return ca == null ? null : Path.of(ca);
    }

    private static AlertOptions alerts(Values v, Map<String, String> env) {
        List<String> urls = v.list("alertmanager.url");
        if (urls.isEmpty()) {
            for (String k : KEYS) {
                if (k.startsWith("alertmanager.") && v.get(k) != null) {
                    throw new ConfigException(k, "is set but alertmanager.url is not");
                }
            }
            return null;
        }
        AlertOptions a = AlertOptions.of(urls)
                .withTimeout(v.duration("alertmanager.timeout", "5s"))
                .withResend(v.duration("alertmanager.resend.interval", "1m"))
                .withSeverity(v.getOr("alertmanager.severity", "warning"))
                .withAuth(auth(v, env, "alertmanager"));
        Path ca = caFile(v, "alertmanager.tls.ca.file");
        if (ca != null) {
            a = a.withCaFile(ca);
        }
        String listen = v.get("listen");
        return a.withLinks(listen == null ? null : "http://" + HostPort.parse("listen", listen), tracePaths(v.list("paths")));
    }

    /** The directories of the followed globs: what {@code logtally trace ID PATH...} needs to find archives too. */
    private static List<String> tracePaths(List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            Path parent = Path.of(p).toAbsolutePath().normalize().getParent();
            String dir = parent == null ? p : parent.toString();
            if (!out.contains(dir)) {
                out.add(dir);
            }
        }
        return out;
    }

    private static IssuesOptions issues(Values v) {
        String file = v.get("issues.token.file");
        String remote = v.getOr("issues.remote", "false");
        if (!remote.equals("true") && !remote.equals("false")) {
            throw new ConfigException("issues.remote", "'" + remote + "' must be true or false");
        }
        return new IssuesOptions(file == null ? null : Secret.fromFile(Path.of(file), "issues.token.file"),
                remote.equals("true"));
    }

    private static PushOptions push(Values v, Map<String, String> env) {
        String url = v.get("push.url");
        if (url == null) {
            for (String k : List.of("push.job", "push.instance", "push.username", "push.password.file",
                    "push.password.env", "push.bearer.file", "push.bearer.env", "push.tls.ca.file", "push.timeout")) {
                if (v.get(k) != null) {
                    throw new ConfigException(k, "is set but push.url (--push) is not");
                }
            }
            return null;
        }
        String job = v.get("push.job");
        if (job == null) {
            throw new ConfigException("push.job", "is required with push.url (--job NAME)");
        }
        PushOptions push = PushOptions.of(url, job, v.getOr("push.instance", hostName()))
                .withTimeout(v.duration("push.timeout", "5s"))
                .withAuth(auth(v, env, "push"));
        Path ca = caFile(v, "push.tls.ca.file");
        return ca == null ? push : push.withCaFile(ca);
    }

    /** Basic or bearer auth from {@code PREFIX.username}, {@code PREFIX.password.*}, {@code PREFIX.bearer.*}. */
    private static PushAuth auth(Values v, Map<String, String> env, String prefix) {
        Secret password = secret(v, env, prefix + ".password");
        Secret bearer = secret(v, env, prefix + ".bearer");
        String username = v.get(prefix + ".username");
        if (password != null && username == null) {
            throw new ConfigException(prefix + ".username", "is required with a " + prefix.replace('_', ' ') + " password");
        }
        if (username != null && password == null) {
            throw new ConfigException(prefix + ".password.file", "a password (" + prefix + ".password.file or " + prefix
                    + ".password.env) is required with " + prefix + ".username");
        }
        if (bearer != null && username != null) {
            throw new ConfigException(prefix + ".bearer.file", "use either basic auth (" + prefix
                    + ".username) or a bearer token, not both");
        }
        if (username != null) {
            return new PushAuth.Basic(username, password);
        }
        return bearer == null ? PushAuth.NONE : new PushAuth.Bearer(bearer);
    }

    private static Secret secret(Values v, Map<String, String> env, String prefix) {
        String file = v.get(prefix + ".file");
        String var = v.get(prefix + ".env");
        if (file != null && var != null) {
            throw new ConfigException(prefix + ".file", "set either " + prefix + ".file or " + prefix + ".env, not both");
        }
        if (file != null) {
            return Secret.fromFile(Path.of(file), prefix + ".file");
        }
        return var == null ? null : Secret.fromEnv(var, prefix + ".env", env::get);
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                h = "localhost";
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char c : h.toCharArray()) {
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }
        return sb.toString();
    }

    private static boolean startPosition(String s) {
        return switch (s) {
            case "beginning" -> false;
            case "end" -> true;
            default -> throw new ConfigException("start.position", "'" + s + "' must be 'beginning' or 'end'");
        };
    }

    /** The bounds as numbers; whether they make a histogram is {@link AggregatorOptions}' rule. */
    private static double[] buckets(String s) {
        if (s == null) {
            return AggregatorOptions.defaultBuckets();
        }
        List<String> parts = split(s);
        double[] b = new double[parts.size()];
        for (int i = 0; i < b.length; i++) {
            String part = parts.get(i);
            try {
                b[i] = part.equalsIgnoreCase("+Inf") || part.equalsIgnoreCase("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new ConfigException("buckets", "'" + part + "' is not a number");
            }
        }
        return b;
    }

    /** The tailer's parser: {@code fields.*} renames, the gauges and extra labels, checked by {@link ParserOptions}. */
    private static ParserOptions fields(Values v, List<String> gauges, List<String> labels) {
        ParserOptions.Builder b = ParserOptions.builder().gauges(gauges).labels(labels);
        for (LogField f : LogField.values()) {
            String name = v.get("fields." + f.key());
            if (name != null) {
                b.name(f, name);
            }
        }
        return b.build();
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** Raw string values with typed accessors that name the key on error. */
    private record Values(Map<String, String> raw) {
        String get(String k) {
            String s = raw.get(k);
            return s == null || s.isBlank() ? null : s.trim();
        }

        String getOr(String k, String dflt) {
            String s = get(k);
            return s == null ? dflt : s;
        }

        List<String> list(String k) {
            return split(get(k));
        }

        Duration duration(String k, String dflt) {
            return Durations.parsePositive(k, getOr(k, dflt));
        }

        int integer(String k, int dflt) {
            String s = get(k);
            if (s == null) {
                return dflt;
            }
            long value;
            try {
                value = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ConfigException(k, "'" + s + "' is not a whole number");
            }
            if (value != (int) value) {
                throw new ConfigException(k, "'" + s + "' is too " + (value > 0 ? "large" : "small"));
            }
            return (int) value;
        }

        long range(String k, long value, long min, long max) {
            if (value < min || value > max) {
                throw new ConfigException(k, value + " is outside " + min + ".." + max);
            }
            return value;
        }
    }
}
