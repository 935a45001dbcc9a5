package dev.logtally.cli;

import dev.logtally.aggregate.StatusChange;
import dev.logtally.aggregate.StatusOutcome;
import dev.logtally.base.ConfigException;
import dev.logtally.base.Durations;
import dev.logtally.state.StatusRequests;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logtally errors resolve|ignore|reopen FINGERPRINT --state-dir DIR}: changes the status of one error
 * group, whether or not a tailer runs on that state directory ({@link StatusRequests}: under the checkpoint
 * lock when none runs, else through a request file the tailer answers at its next checkpoint). Prints one
 * line; exit 0 when applied, 1 when no group has that fingerprint or the tailer did not answer in time,
 * 2 on bad usage.
 *
 * <pre>{@code
 * logtally errors resolve 9c1f2e0a4b7d3c55 --in-release 2.4.1 --state-dir /var/lib/logtally
 * logtally errors ignore 9c1f2e0a4b7d3c55 --state-dir /var/lib/logtally
 * }</pre>
 */
abstract class ErrorStatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The group (first column of `logtally errors`).")
    String fingerprint;

    @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "The tailer's state directory.")
    Path stateDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long to wait for a running tailer to apply it (default: ${DEFAULT-VALUE}).")
    String timeout;

    abstract StatusChange change();

    @Override
    public Integer call() {
        StatusChange c;
        try {
            c = change();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("FINGERPRINT", e.getMessage());
        }
        StatusOutcome o = StatusRequests.submit(stateDir, c, Durations.parsePositive("--timeout", timeout),
                Clock.systemUTC());
        PrintStream out = o.applied() ? System.out : System.err;
        out.println(o.applied() ? o.message() : "logtally: " + o.message());
        return o.applied() ? 0 : Main.EXIT_FAILURE;
    }

    /** {@code resolve [--in-release V | --in-next-release]}. */
    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Mark an error group resolved (now, in a release, or in the next release); it alerts again if it comes back.")
    static final class Resolve extends ErrorStatusCommand {
        @ArgGroup(exclusive = true)
        When when;

        static final class When {
            @Option(names = "--in-release", paramLabel = "V",
                    description = "Resolved in release V: only events of V or later regress it.")
            String release;

            @Option(names = "--in-next-release", description = "Resolved in the release after the newest seen so far.")
            boolean next;
        }

        @Override
        StatusChange change() {
            StatusChange c = StatusChange.resolve(fingerprint);
            if (when != null && when.release != null) {
                return c.inRelease(when.release);
            }
            return when != null && when.next ? c.inNextRelease() : c;
        }
    }

    /** {@code ignore}. */
    @Command(name = "ignore", mixinStandardHelpOptions = true, description = "Ignore an error group: it never alerts.")
    static final class Ignore extends ErrorStatusCommand {
        @Override
        StatusChange change() {
            return StatusChange.ignore(fingerprint);
        }
    }

    /** {@code reopen}. */
    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Mark an error group unresolved again.")
    static final class Reopen extends ErrorStatusCommand {
        @Override
        StatusChange change() {
            return StatusChange.reopen(fingerprint);
        }
    }
}
