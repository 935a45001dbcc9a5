package dev.logtally.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code logtally replay}: Replay logs, archives included, into totals, a backfill or a push. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay logs, archives included, into totals, a backfill or a push.")
final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserFacingException("'replay' is not implemented yet");
    }
}
