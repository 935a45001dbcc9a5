package dev.logtally.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where {@code tail} and {@code replay} send their series and under which names, as a picocli mixin:
 * {@code --namespace}, {@code --push}, {@code --remote-write}, {@code --job}, {@code --instance}. One
 * declaration, so the two commands cannot drift apart in name or help; each command still decides which
 * configuration keys {@code --job} and {@code --instance} set (the tailer labels its remote write with
 * them too).
 *
 * <pre>{@code
 * @Mixin SendOptions send;
 * Map<String, String> m = new HashMap<>();
 * send.putTargets(m);   // namespace, push.url, remote_write.url
 * m.put("push.job", send.job);
 * }</pre>
 */
final class SendOptions {

    @Option(names = "--namespace", paramLabel = "NS", description = "Metric name prefix (default app).")
    String namespace;

    @Option(names = "--push", paramLabel = "URL",
            description = "Pushgateway base URL, e.g. http://127.0.0.1:9091 (replay: push the totals once instead of printing them).")
    String pushUrl;

    @Option(names = "--remote-write", paramLabel = "URL",
            description = "Prometheus remote write endpoint, e.g. http://127.0.0.1:8428/api/v1/write (repeatable; "
                    + "replay: the backfill, every --step of event time, source=\"backfill\").")
    List<String> remoteWrite;

    @Option(names = "--job", paramLabel = "NAME",
            description = "Grouping key job (required with --push; a replay's must not be the live tailer's); tail: label job of remote write.")
    String job;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "Grouping key instance (default: host name); tail: label instance of remote write.")
    String instance;

    /** Puts {@code namespace}, {@code push.url} and {@code remote_write.url} (when given) into {@code flags}. */
    void putTargets(Map<String, String> flags) {
        flags.put("namespace", namespace);
        flags.put("push.url", pushUrl);
        if (remoteWrite != null) {
            flags.put("remote_write.url", String.join(",", remoteWrite));
        }
    }
}
