package dev.logtally.config;

import dev.logtally.export.PushAuth;
import dev.logtally.export.PushOptions;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the one {@link Options} of a run: defaults, then the properties file, then flags (flags win), then
 * validates everything once. Any impossible value is a {@link ConfigException} naming its key.
 *
 * <pre>{@code
 * Options o = OptionsLoader.load(Path.of("/etc/logtally/tailer.properties"),
 *         Map.of("push.url", "http://127.0.0.1:9091"), System.getenv());
 * }</pre>
 */
public final class OptionsLoader {

    /** Logical fields the tailer reads, with the contract's JSON names. */
    public static final Map<String, String> DEFAULT_FIELDS;
    /** The contract's default histogram bounds, in seconds. */
    public static final double[] DEFAULT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    static {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("timestamp", "@timestamp");
        f.put("level", "level");
        f.put("message", "message");
        f.put("logger", "logger_name");
        f.put("thread", "thread_name");
        f.put("correlation_id", "correlation_id");
        f.put("service", "service");
        f.put("release", "release");
        f.put("error_type", "error_type");
        f.put("stack_trace", "stack_trace");
        f.put("stack_hash", "stack_hash");
        f.put("method", "method");
        f.put("duration_ms", "duration_ms");
        DEFAULT_FIELDS = Map.copyOf(f);
    }

    /** Every key a configuration file may hold (besides {@code fields.*}). */
    public static final Set<String> KEYS = Set.of(
            "paths", "rotated", "state.dir", "namespace",
            "push.url", "push.job", "push.instance", "push.interval", "push.timeout", "push.username",
            "push.password.file", "push.password.env", "push.bearer.file", "push.bearer.env", "push.tls.ca.file",
            "listen", "poll.interval", "checkpoint.interval", "rotate.wait", "start.position", "line.max.bytes",
            "labels.max.values", "error.levels", "gauges", "buckets");

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
            if (!KEYS.contains(k) && !(k.startsWith("fields.") && DEFAULT_FIELDS.containsKey(k.substring(7)))) {
                throw new ConfigException(k, "unknown key" + (configFile == null ? "" : " in " + configFile)
                        + (k.startsWith("fields.") ? " (fields: " + new TreeSet<>(DEFAULT_FIELDS.keySet()) + ")" : ""));
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
        return new Options(
                v.list("paths"),
                v.list("rotated"),
                stateDir == null ? null : Path.of(stateDir),
                namespace(v.getOr("namespace", "app")),
                push,
                pushInterval,
                v.get("listen") == null ? null : HostPort.parse("listen", v.get("listen")),
                v.duration("poll.interval", "200ms"),
                checkpointInterval,
                v.duration("rotate.wait", "5s"),
                startPosition(v.getOr("start.position", "beginning")),
                (int) v.range("line.max.bytes", Sizes.parse("line.max.bytes", v.getOr("line.max.bytes", "1MiB")), 1024, 1L << 28),
                (int) v.range("labels.max.values", v.integer("labels.max.values", 100), 1, 100_000),
                levels(v.getOr("error.levels", "ERROR")),
                gauges(v.list("gauges")),
                buckets(v.get("buckets")),
                fields(v));
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
                .withAuth(auth(v, env));
        String ca = v.get("push.tls.ca.file");
        if (ca != null) {
            if (!Files.isReadable(Path.of(ca))) {
                throw new ConfigException("push.tls.ca.file", "cannot read " + ca);
            }
            push = push.withCaFile(Path.of(ca));
        }
        return push;
    }

    private static PushAuth auth(Values v, Map<String, String> env) {
        Secret password = secret(v, env, "push.password");
        Secret bearer = secret(v, env, "push.bearer");
        String username = v.get("push.username");
        if (password != null && username == null) {
            throw new ConfigException("push.username", "is required with a push password");
        }
        if (username != null && password == null) {
            throw new ConfigException("push.password.file", "a password (push.password.file or push.password.env) is required with push.username");
        }
        if (bearer != null && username != null) {
            throw new ConfigException("push.bearer.file", "use either basic auth (push.username) or a bearer token, not both");
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

    private static String namespace(String ns) {
        if (!isMetricName(ns)) {
            throw new ConfigException("namespace", "'" + ns + "' is not a valid metric name prefix ([a-zA-Z_][a-zA-Z0-9_]*)");
        }
        return ns;
    }

    static boolean isMetricName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 128 && (Character.isLetter(c) || c == '_' || (i > 0 && Character.isDigit(c)));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean startPosition(String s) {
        return switch (s) {
            case "beginning" -> false;
            case "end" -> true;
            default -> throw new ConfigException("start.position", "'" + s + "' must be 'beginning' or 'end'");
        };
    }

    private static Set<String> levels(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : split(s)) {
            String u = l.toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(u)) {
                throw new ConfigException("error.levels", "'" + l + "' is not a level (TRACE, DEBUG, INFO, WARN, ERROR)");
            }
            out.add(u);
        }
        if (out.isEmpty()) {
            throw new ConfigException("error.levels", "must name at least one level");
        }
        return out;
    }

    private static List<String> gauges(List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        for (String g : names) {
            if (!isMetricName(g)) {
                throw new ConfigException("gauges", "'" + g + "' is not a valid metric name part");
            }
            if (!seen.add(g)) {
                throw new ConfigException("gauges", "'" + g + "' is listed twice");
            }
        }
        return List.copyOf(seen);
    }

    private static double[] buckets(String s) {
        if (s == null) {
            return DEFAULT_BUCKETS.clone();
        }
        List<String> parts = split(s);
        if (parts.isEmpty()) {
            throw new ConfigException("buckets", "must list at least one bound");
        }
        double[] b = new double[parts.size()];
        for (int i = 0; i < b.length; i++) {
            String part = parts.get(i);
            try {
                b[i] = part.equalsIgnoreCase("+Inf") || part.equalsIgnoreCase("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(part);
            } catch (NumberFormatException e) {
                throw new ConfigException("buckets", "'" + parts.get(i) + "' is not a number");
            }
            if (!Double.isFinite(b[i])) {
                throw new ConfigException("buckets", "'" + parts.get(i) + "' is not finite (+Inf is always added)");
            }
            if (i > 0 && b[i] <= b[i - 1]) {
                throw new ConfigException("buckets", "bounds must be strictly ascending: " + parts.get(i - 1) + " then " + parts.get(i));
            }
        }
        return b;
    }

    private static Map<String, String> fields(Values v) {
        Map<String, String> f = new HashMap<>(DEFAULT_FIELDS);
        for (String logical : DEFAULT_FIELDS.keySet()) {
            String name = v.get("fields." + logical);
            if (name != null) {
                if (name.isEmpty()) {
                    throw new ConfigException("fields." + logical, "must not be empty");
                }
                f.put(logical, name);
            }
        }
        return f;
    }

    static String formatBound(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
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

        long integer(String k, long dflt) {
            String s = get(k);
            if (s == null) {
                return dflt;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ConfigException(k, "'" + s + "' is not a whole number");
            }
        }

        long range(String k, long value, long min, long max) {
            if (value < min || value > max) {
                throw new ConfigException(k, value + " is outside " + min + ".." + max);
            }
            return value;
        }
    }
}
