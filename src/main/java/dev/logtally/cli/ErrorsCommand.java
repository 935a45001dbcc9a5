package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally errors}: Sentry-style error groups from logs and archives. */
@Command(name = "errors", mixinStandardHelpOptions = true, description = "Sentry-style error groups from logs and archives.")
final class ErrorsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'errors' is not implemented yet");
    }
}
