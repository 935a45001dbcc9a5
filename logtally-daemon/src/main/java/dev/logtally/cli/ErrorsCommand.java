package dev.logtally.cli;

import dev.logtally.base.HostPort;
import dev.logtally.config.Options;
import dev.logtally.issues.IssuesServe;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logtally errors PATH...}: Sentry-style error groups (error type and stack hash) with counts,
 * first and last seen, releases, services, methods and a sample to trace; see {@link ErrorsTool}.
 *
 * <pre>{@code
 * logtally errors samples/logs --top 5
 * logtally errors /var/log/app --since 2h --json
 * logtally errors /var/log/app --serve 127.0.0.1:9465     # the issues page over the archives, read-only
 * }</pre>
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "Sentry-style error groups from logs and archives.",
        subcommands = {ErrorStatusCommand.Resolve.class, ErrorStatusCommand.Ignore.class, ErrorStatusCommand.Reopen.class})
final class ErrorsCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Log file, directory or glob.")
    List<String> paths;

    @Mixin
    ConfigFile configFile;

    @Option(names = "--since", paramLabel = "TIME", description = "Only events at or after TIME: ISO-8601 (2026-11-24T13:00:00Z) or a duration back from now (2h).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only events before TIME (same forms).")
    String until;

    @Option(names = "--top", paramLabel = "N", description = "Show the N groups with the most events (default: all).")
    int top;

    @Option(names = "--json", description = "One JSON object per group and line.")
    boolean json;

    @Option(names = "--serve", paramLabel = "HOST:PORT",
            description = "Serve the groups as the issues page (read-only) on HOST:PORT, e.g. 127.0.0.1:9465, until stopped.")
    String serve;

    @Mixin
    ScanOptions scan;

    @Override
    public Integer call() throws InterruptedException {
        if (paths == null || paths.isEmpty()) {
            throw new dev.logtally.base.ConfigException("PATH", "at least one log file, directory or glob is required"
                    + " (or: errors resolve|ignore|reopen FINGERPRINT --state-dir DIR)");
        }
        Options options = configFile.load(Map.of());
        ErrorsTool.Request request = new ErrorsTool.Request(paths, options, since, until, top, json,
                scan.threads(), scan.progress);
        if (serve != null) {
            return serve(request, HostPort.parse("--serve", serve));
        }
        return ErrorsTool.run(request, Terminal.stdout(), System.err, Clock.systemUTC());
    }

    private static int serve(ErrorsTool.Request request, HostPort at) throws InterruptedException {
        IssuesServe.Running running = IssuesServe.start(request.query(),
                () -> Terminal.progress(request.progress(), System.err, "errors"), at, System.err, Clock.systemUTC());
        System.out.printf("logtally: %d issues from %d files on http://%s:%d/issues (read-only); Ctrl-C stops%n",
                running.issues(), running.files(), at.host().indexOf(':') >= 0 ? "[" + at.host() + "]" : at.host(),
                running.server().port());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "logtally-issues-stop"));
        new java.util.concurrent.CountDownLatch(1).await();
        return 0;
    }
}
