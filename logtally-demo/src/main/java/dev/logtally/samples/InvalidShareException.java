package dev.logtally.samples;

/** The upstream pool rejected a share (stale job, low difficulty, duplicate). */
class InvalidShareException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidShareException(String message) {
        super(message);
    }
}
