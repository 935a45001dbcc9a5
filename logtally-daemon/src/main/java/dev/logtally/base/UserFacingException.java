package dev.logtally.base;

/** A runtime failure whose message alone tells the user what went wrong and where (exit 1, no stack trace). */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
