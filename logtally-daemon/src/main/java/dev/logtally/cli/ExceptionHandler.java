package dev.logtally.cli;

import dev.logtally.base.UserFacingException;

import dev.logtally.base.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns what a command throws into an exit code and one line on stderr: {@link ConfigException} is a
 * user's mistake (exit 2), {@link UserFacingException} a runtime failure the user can act on (exit 1).
 * Anything else is a bug, and only then is a stack trace printed.
 */
final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ConfigException) {
            err.println("logtally: " + ex.getMessage());
            err.flush();
            return Main.EXIT_USAGE;
        }
        if (ex instanceof UserFacingException) {
            err.println("logtally: " + ex.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        err.println("logtally: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return Main.EXIT_FAILURE;
    }
}
