package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally trace}: Every event of one correlation ID across rotated and .gz logs, in time order. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Every event of one correlation ID across rotated and .gz logs, in time order.")
final class TraceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'trace' is not implemented yet");
    }
}
