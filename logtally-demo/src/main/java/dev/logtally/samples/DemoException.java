package dev.logtally.samples;

/**
 * Why the demo service cannot run, in one line. When {@link #flag()} names a flag the user gave a value that
 * cannot work (the CLI answers with exit code 2); otherwise the environment failed (exit code 1).
 *
 * <pre>{@code
 * try { new DemoApp(settings).run(out); }
 * catch (DemoException e) { System.err.println(e.getMessage()); }   // "--rate: must be ... at least 1, not 0.0"
 * }</pre>
 */
public final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String flag;
    private final String problem;

    /** A flag's value that cannot work: the message is {@code flag + ": " + problem}. */
    public DemoException(String flag, String problem) {
        super(flag + ": " + problem);
        this.flag = flag;
        this.problem = problem;
    }

    /** A failure of the environment (logging could not be set up, the directory is not writable). */
    public DemoException(String message) {
        super(message);
        this.flag = null;
        this.problem = message;
    }

    /** The flag at fault, or null when the failure is not a usage error. */
    public String flag() {
        return flag;
    }

    /** What is wrong, without the flag. */
    public String problem() {
        return problem;
    }
}
