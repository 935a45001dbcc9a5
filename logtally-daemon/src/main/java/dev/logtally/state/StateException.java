package dev.logtally.state;

import dev.logtally.base.UserFacingException;

/**
 * The state directory or checkpoint file cannot be used: in use by another process, unreadable, corrupt,
 * foreign or from a newer version. The message names the directory or file, says what is wrong and what to
 * do, in one line; the CLI prints it without a stack trace (exit 1). Never a silent reset: starting over
 * resets all counters, so only the user may decide it.
 *
 * <pre>{@code
 * try (CheckpointStore store = CheckpointStore.open(dir)) { ... }
 * catch (StateException e) { System.err.println("logtally: " + e.getMessage()); }
 * }</pre>
 */
public class StateException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The state directory is locked by another logtally (a running tailer). */
    public static final class InUse extends StateException {
        private static final long serialVersionUID = 1L;

        public InUse(String message) {
            super(message);
        }
    }
}
