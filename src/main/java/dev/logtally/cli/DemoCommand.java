package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally demo}: Run the sample service, tail it, serve /metrics and show a live summary (no external service). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the sample service, tail it, serve /metrics and show a live summary (no external service).")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'demo' is not implemented yet");
    }
}
