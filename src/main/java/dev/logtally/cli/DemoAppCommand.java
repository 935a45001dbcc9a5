package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally demo-app}: Run the sample Stratum proxy service, logging through the drop-in. */
@Command(name = "demo-app", mixinStandardHelpOptions = true, description = "Run the sample Stratum proxy service, logging through the drop-in.")
final class DemoAppCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'demo-app' is not implemented yet");
    }
}
