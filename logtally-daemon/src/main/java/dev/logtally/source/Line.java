package dev.logtally.source;

/**
 * One complete line read from a followed or archived log file: the record that crosses from the
 * {@code source} stage to the {@code parse} stage.
 *
 * <p>The bytes are a view into the reader's buffer ({@code buf[start, start + length)}, without the
 * line terminator, a trailing {@code \r} already removed) and are valid only during the call that
 * delivers the line: a consumer that keeps them must copy them. This keeps the per-line path free of
 * copies.
 *
 * <pre>{@code
 * LineSink sink = line -> System.out.println(line.source() + "@" + line.offset() + ": " + line.length() + " bytes");
 * }</pre>
 *
 * @param source    the file the line was read from, as a display path
 * @param offset    byte offset of the line's first byte in that file (in its uncompressed content)
 * @param end       byte offset just after the line's terminator: where reading resumes after this line
 * @param buf       buffer holding the line's bytes
 * @param start     index of the first byte in {@code buf}
 * @param length    number of bytes of the line (0 for an oversized line, whose bytes were not kept)
 * @param oversized true when the line was longer than the configured cap and was skipped unread
 */
public record Line(String source, long offset, long end, byte[] buf, int start, int length, boolean oversized) {

    /** A line of {@code bytes} at {@code offset}, for tests and small tools. */
    public static Line of(String source, long offset, byte[] bytes) {
        return new Line(source, offset, offset + bytes.length + 1, bytes, 0, bytes.length, false);
    }
}
