package dev.logtally.cli;

import ch.qos.logback.classic.Level;
import dev.logtally.config.Options;
import dev.logtally.run.TailDaemon;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logtally tail}: the daemon. Builds the {@link Options} (file, then these flags), logs them with
 * secrets masked, and runs {@link TailDaemon} until SIGTERM or SIGINT, which end it with a final
 * checkpoint and push (exit 0).
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow rotating JSON logs, count every line once, push to a Pushgateway, remote-write to stores and/or serve /metrics.")
final class TailCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "GLOB", description = "File or glob to follow (repeatable).")
    List<String> paths;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Checkpoint directory.")
    Path stateDir;

    @Option(names = "--rotated", paramLabel = "GLOB",
            description = "Where rotated copies may sit (repeatable; default: siblings starting with the file's stem).")
    List<String> rotated;

    @Option(names = "--push-interval", paramLabel = "DURATION", description = "Time between pushes (default 10s).")
    String pushInterval;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Serve /metrics here.")
    String listen;

    @Mixin
    SendOptions send;

    @Mixin
    ConfigFile configFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "logtally's own log level (default INFO).")
    String logLevel = "INFO";

    @Override
    public Integer call() throws Exception {
        CliLogging.configure(Level.toLevel(logLevel, Level.INFO));
        Options options = configFile.load(flags());
        return TailDaemon.runUntilSignalled(options);
    }

    private Map<String, String> flags() {
        Map<String, String> m = new HashMap<>();
        if (paths != null) {
            m.put("paths", String.join(",", paths));
        }
        if (rotated != null) {
            m.put("rotated", String.join(",", rotated));
        }
        if (stateDir != null) {
            m.put("state.dir", stateDir.toString());
        }
        send.putTargets(m);
        if (send.remoteWrite != null) {
            m.put("remote_write.job", send.job);
            m.put("remote_write.instance", send.instance);
        }
        if (send.pushUrl != null || send.remoteWrite == null) {
            m.put("push.job", send.job);
            m.put("push.instance", send.instance);
        }
        m.put("push.interval", pushInterval);
        m.put("listen", listen);
        return m;
    }
}
