package dev.logtally.parse;

/**
 * A way of reading a line that may decline it: {@link LineParser} tries its fast path first and gives
 * every line the fast path declines to Jackson. {@link #NONE} declines everything (Jackson reads every
 * line), so tests can compare the two paths line by line.
 *
 * <pre>{@code
 * FastPath fast = new LineScanner(fields, labels, levels);
 * values.reset();
 * if (!fast.read(buf, start, length, values)) { checkUtf8(); values.reset(); readWithJackson(); }
 * }</pre>
 */
interface FastPath {
    /**
     * Reads the line {@code buf[start, start + length)} into {@code into} if it is valid UTF-8 and an event
     * this path is sure of, exactly as Jackson would; returns false, with {@code into} in any state, to
     * leave the line to the UTF-8 check and Jackson.
     */
    boolean read(byte[] buf, int start, int length, EventValues into);

    /** Declines every line. */
    FastPath NONE = (buf, start, length, into) -> false;
}
