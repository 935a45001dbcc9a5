package dev.logtally.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code logtally.jar}: parses the command line and runs one subcommand.
 *
 * <pre>{@code
 * logtally tail --path /var/log/app/app.log --state-dir /var/lib/logtally --push http://127.0.0.1:9091 --job app
 * logtally replay samples/logs --config samples/logtally.properties --format prometheus
 * logtally monitoring --namespace shop --out monitoring-shop --config shop-monitoring.properties
 * }</pre>
 *
 * Exit codes: 0 success, 1 runtime failure, 2 bad usage or configuration (one line on stderr).
 */
@Command(name = "logtally",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Error tracking and latency metrics from a Java service's JSON logs.",
        subcommands = {
                TailCommand.class,
                ReplayCommand.class,
                TraceCommand.class,
                ErrorsCommand.class,
                DemoCommand.class,
                DemoAppCommand.class,
                MonitoringCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit code of a runtime failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of bad usage or configuration. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before anything logs: logtally's own messages go to stderr, warnings and up unless a command says otherwise.
        CliLogging.configure(ch.qos.logback.classic.Level.WARN);
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ExceptionHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (tail, replay, trace, errors, monitoring, demo)");
    }
}
