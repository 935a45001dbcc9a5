package dev.logtally.cli;

import dev.logtally.base.UserFacingException;

import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import dev.logtally.samples.DemoApp;
import dev.logtally.samples.DemoException;
import dev.logtally.samples.DemoSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logtally demo-app}: runs the sample Stratum proxy service ({@link DemoApp}), logging through the
 * drop-in, e.g. {@code logtally demo-app --rate 200 --duration 5m --log-dir /tmp/loka}.
 */
@Command(name = "demo-app", mixinStandardHelpOptions = true,
        description = "Run the sample Stratum proxy service, logging through the drop-in.")
final class DemoAppCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "100",
            description = "Events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "0",
            description = "How long to run, e.g. 30s, 5m, 1h; 0 (the default) runs until Ctrl-C.")
    String duration;

    @Option(names = "--log-dir", paramLabel = "DIR", required = true,
            description = "Directory of the active file (loka-stratum.log) and its archives.")
    Path logDir;

    @Option(names = "--release", paramLabel = "VERSION", description = "Value of the release field (default: none).")
    String release;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the simulation: the same seed plays the same story (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Roll the log file past this size, e.g. 256KB (default: the drop-in's 100MB).")
    String maxFileSize;

    @Option(names = "--incident-file", paramLabel = "FILE",
            description = "While FILE exists, the upstream pool times out: --incident-errors connection_timeout errors a second.")
    java.nio.file.Path incidentFile;

    @Option(names = "--incident-errors", paramLabel = "N", defaultValue = "30",
            description = "Errors per second during an incident (default ${DEFAULT-VALUE}).")
    double incidentErrors;

    @Override
    public Integer call() {
        try {
            DemoSettings settings = new DemoSettings(rate, Durations.parseOrZero("--duration", duration), logDir,
                    release, seed, maxFileSize);
            PrintWriter out = spec.commandLine().getOut();
            DemoApp app = new DemoApp(settings);
            (incidentFile == null ? app : app.withIncidentWhile(incidentFile, incidentErrors)).run(out);
            return 0;
        } catch (DemoException e) {
            throw e.flag() == null ? new UserFacingException(e.problem()) : new ConfigException(e.flag(), e.problem());
        }
    }
}
