package dev.logtally.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** A bad flag or argument: one line naming it on stderr, a hint for help, exit 2. Never a stack trace. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("logtally: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return Main.EXIT_USAGE;
    }
}
