package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally tail}: Follow rotating JSON logs, count every line once, push to a Pushgateway and/or serve /metrics. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Follow rotating JSON logs, count every line once, push to a Pushgateway and/or serve /metrics.")
final class TailCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'tail' is not implemented yet");
    }
}
