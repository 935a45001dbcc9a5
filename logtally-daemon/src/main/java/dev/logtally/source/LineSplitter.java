package dev.logtally.source;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns a byte stream into {@link Line}s that carry their byte offsets, so that a checkpoint can name the
 * offset just after the last line counted.
 *
 * <p>Bytes are read in chunks of {@value #CHUNK} bytes into one reusable buffer and scanned for {@code \n}
 * sixteen bytes per step (two 64-bit words tested at once; word-wise is about twice as fast as a byte
 * loop, {@code TailNewlineBenchmark}). A line ends at {@code \n}; a {@code \r} just before it is removed from
 * the line (so {@code \r\n} files work). A lone {@code \r} is <em>not</em> a terminator: it stays inside
 * the line, because Logback never writes one and splitting on it would move offsets away from what the
 * writer meant by a line. Bytes are passed through untouched (no decoding), so a multi-byte UTF-8
 * character split across two reads arrives whole: only complete lines are delivered.
 *
 * <p>A partial last line is carried over to the next read (the buffer is compacted, and grown up to the
 * line cap). A line longer than the cap ({@code line.max.bytes}: the bytes before the {@code \n}, a
 * {@code \r} included) is not buffered: the splitter switches to skipping until the next {@code \n} and
 * then delivers one {@link Line} with {@code oversized=true} and {@code length=0}, so that the line is
 * counted and reading goes on, with bounded memory whatever the input.
 *
 * <p>A UTF-8 byte-order mark ({@code EF BB BF}) at offset 0 of a file (some Windows-born writers put one
 * there) is left out of the first line's bytes, so that line parses; offsets stay the file's own.
 *
 * <p>Not thread-safe; reusable for file after file through {@link #reset(String, long)}.
 *
 * <pre>{@code
 * LineSplitter splitter = new LineSplitter(1 << 20);
 * try (InputStream in = Files.newInputStream(path)) {
 *     splitter.reset(path.toString(), 0);
 *     while (splitter.readFrom(in::read, LineSplitter.CHUNK, sink) >= 0) { }
 * }
 * long resumeAt = splitter.position();   // after the last complete line
 * }</pre>
 */
public final class LineSplitter {

    /** Bytes asked for per read. */
    public static final int CHUNK = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /** Where the bytes come from: {@code InputStream::read} fits; returns -1 at the end, 0 when nothing is there yet. */
    @FunctionalInterface
    public interface Input {
        int read(byte[] buf, int off, int len) throws IOException;
    }

    private final int maxLine;
    private final int maxCapacity;
    private byte[] buf;
    private String source = "";
    /** File offset of {@code buf[0]}. */
    private long base;
    /** Index in buf of the first byte of the line being assembled. */
    private int lineStart;
    /** Index in buf just after the last byte read. */
    private int limit;
    /** Index in buf from which the scan for the next newline goes on. */
    private int scanFrom;
    /** Offset just after the last complete line delivered or skipped. */
    private long position;
    private boolean skipping;
    private long skipStart;
    /** Lines from {@code lineStart} on form an object not finished yet; the next physical line starts at {@link #joinAt}. */
    private boolean joining;
    /** Index in buf of the first byte of the physical line after the last one joined. */
    private int joinAt;

    /** A splitter whose lines may be up to {@code maxLineBytes} long (longer ones are skipped). */
    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("line cap must be at least 1 byte, got " + maxLineBytes);
        }
        this.maxLine = maxLineBytes;
        this.maxCapacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) maxLineBytes + CHUNK + 1);
        this.buf = new byte[Math.min(2 * CHUNK, maxCapacity)];
    }

    /** Starts over on a (new) input whose next byte is at {@code offset}; any partial line is dropped. */
    public void reset(String source, long offset) {
        this.source = source;
        this.base = offset;
        this.position = offset;
        this.lineStart = 0;
        this.limit = 0;
        this.scanFrom = 0;
        this.skipping = false;
        this.joining = false;
    }

    /** Changes the name lines carry (a followed file seen under its rotated name), keeping the state. */
    public void rename(String source) {
        this.source = source;
    }

    /**
     * Treats the input as being inside a line already longer than the cap that began at {@code lineOffset}:
     * everything up to the next {@code \n} is skipped and reported as one oversized line. Used when a
     * follower starts at the end of a file whose last line is too long to look back over.
     */
    public void startSkipping(long lineOffset) {
        skipping = true;
        skipStart = lineOffset;
    }

    /**
     * Reads once from {@code in} (at most {@code maxBytes}, at most {@link #CHUNK}) and delivers every line
     * completed by those bytes.
     *
     * @return bytes read, 0 when none were available, -1 at the end of the input
     */
    public int readFrom(Input in, int maxBytes, LineSink sink) throws IOException {
        makeRoom();
        int want = Math.min(Math.min(maxBytes, CHUNK), buf.length - limit);
        if (want <= 0) {
            return 0;
        }
        int n = in.read(buf, limit, want);
        if (n > 0) {
            limit += n;
            scan(sink);
        }
        return n;
    }

    /** Offset just after the last complete line delivered (or skipped as oversized): where to resume. */
    public long position() {
        return position;
    }

    /** Offset just after the last byte read, partial line included. */
    public long readOffset() {
        return base + limit;
    }

    /** Bytes read since the last complete line: a partial line (or a skipped part of an oversized one). */
    public long pendingBytes() {
        return readOffset() - position;
    }

    /** The name lines carry. */
    public String source() {
        return source;
    }

    private void scan(LineSink sink) {
        final byte[] b = buf;
        final int lim = limit;
        int i = scanFrom;
        while ((i = newline(b, i, lim)) >= 0) {
            deliver(sink, i);
            i++;
        }
        scanFrom = lim;
        if (!skipping && lim - lineStart > maxLine) {
            // The line (or object being joined) under way is already past the cap: stop keeping its bytes.
            skipping = true;
            joining = false;
            skipStart = base + lineStart;
        }
        if (skipping) {
            base += lim;
            lineStart = 0;
            limit = 0;
            scanFrom = 0;
        }
    }

    /**
     * The index of the first {@code \n} in {@code b[from, lim)}, or -1. Eight bytes per step: in
     * {@code x = word ^ 0x0A0A…}, a newline is a zero byte, and the lowest byte marked by
     * {@code (x - 0x0101…) & ~x & 0x8080…} is the first zero byte (a borrow only runs upwards from a
     * zero byte, so marks above it may be wrong but never the lowest).
     */
    static int newline(byte[] b, int from, int lim) {
        int i = from;
        // Two words per step while there are: one test and one branch per 16 bytes of a 400-byte line.
        for (; i + 16 <= lim; i += 16) {
            long x0 = (long) LONGS.get(b, i) ^ NEWLINES;
            long x1 = (long) LONGS.get(b, i + 8) ^ NEWLINES;
            long m0 = (x0 - ONES) & ~x0 & HIGH_BITS;
            long m1 = (x1 - ONES) & ~x1 & HIGH_BITS;
            if ((m0 | m1) != 0) {
                return m0 != 0 ? i + (Long.numberOfTrailingZeros(m0) >>> 3) : i + 8 + (Long.numberOfTrailingZeros(m1) >>> 3);
            }
        }
        for (; i + 8 <= lim; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long m = (x - ONES) & ~x & HIGH_BITS;
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < lim; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The physical line ending with the newline at index {@code nl}: delivered, or held while it opens (or
     * continues) a JSON object that it does not close. Writers such as the ECS encoder with
     * {@code stackTraceAsArray} put one object over several lines ({@code {..."error.stack_trace":[} then
     * one tab-indented frame a line, then {@code ]}}): a line that begins with <code>{"</code> and does
     * not end with <code>}</code> is held, and the lines that continue it (beginning with a tab, a space,
     * {@code ]} or <code>}</code>) join it up to the one that ends with <code>}</code>, into one
     * {@link Line} (the newlines between are JSON whitespace), bounded by the line cap; the position moves
     * only past the whole object, so a checkpoint never lands inside it. Any other line ends the holding:
     * the held lines go out as they are (one malformed line), then that line is looked at.
     */
    private void deliver(LineSink sink, int nl) {
        if (skipping) {
            skipping = false;
            sink.accept(new Line(source, skipStart, base + nl + 1, buf, nl, 0, true));
            done(nl);
            return;
        }
        if (joining) {
            if (joinAt < nl && continues(buf[joinAt])) {
                if (closesObject(buf, joinAt, nl)) {
                    emit(sink, nl);
                } else {
                    joinAt = nl + 1;
                }
                return;
            }
            emit(sink, joinAt - 1); // not a continuation: the held lines are one (malformed) line
        }
        int first = firstByte(nl);
        if (first + 1 < nl && buf[first] == '{' && buf[first + 1] == '"' && !closesObject(buf, lineStart, nl)) {
            joining = true;
            joinAt = nl + 1;
            return;
        }
        emit(sink, nl);
    }

    /**
     * At the end of an input (a rotated file or an archive read to its end): delivers the lines held as an
     * unfinished object as one line, so they are counted (as malformed) rather than dropped as partial.
     */
    public void finish(LineSink sink) {
        if (joining) {
            emit(sink, joinAt - 1);
        }
    }

    /** Index of the first byte of the line at {@code lineStart} ending before {@code nl}, past a byte-order mark at offset 0. */
    private int firstByte(int nl) {
        return base + lineStart == 0 && startsWithBom(buf, lineStart, nl - lineStart) && nl - lineStart > BOM_LENGTH
                ? lineStart + BOM_LENGTH : lineStart;
    }

    /** A continuation line of an object begins indented (JSON whitespace) or with the closing bracket. */
    private static boolean continues(byte first) {
        return first == '\t' || first == ' ' || first == ']' || first == '}';
    }

    /** True when the physical line {@code b[from, nl)} ends with {@code }} (before trailing spaces and {@code \r}). */
    private static boolean closesObject(byte[] b, int from, int nl) {
        int i = nl - 1;
        while (i >= from && (b[i] == '\r' || b[i] == ' ' || b[i] == '\t')) {
            i--;
        }
        return i >= from && b[i] == '}';
    }

    /** Delivers {@code buf[lineStart, nl)} (all lines held, if any) as one line. */
    private void emit(LineSink sink, int nl) {
        joining = false;
        long end = base + nl + 1;
        int raw = nl - lineStart;
        Line line;
        if (raw > maxLine) {
            line = new Line(source, base + lineStart, end, buf, lineStart, 0, true);
        } else {
            int len = raw > 0 && buf[nl - 1] == '\r' ? raw - 1 : raw;
            int from = lineStart;
            if (base + lineStart == 0 && startsWithBom(buf, from, len)) {
                from += BOM_LENGTH; // a UTF-8 byte-order mark is no part of the first line; offsets stay the file's
                len -= BOM_LENGTH;
            }
            line = new Line(source, base + lineStart, end, buf, from, len, false);
        }
        sink.accept(line);
        done(nl);
    }

    private void done(int nl) {
        lineStart = nl + 1;
        position = base + nl + 1;
    }

    private static final int BOM_LENGTH = 3;

    private static boolean startsWithBom(byte[] b, int at, int len) {
        return len >= BOM_LENGTH && b[at] == (byte) 0xEF && b[at + 1] == (byte) 0xBB && b[at + 2] == (byte) 0xBF;
    }

    /** Makes sure a whole chunk fits after {@code limit}: drops consumed bytes, compacts, grows to the cap. */
    private void makeRoom() {
        if (lineStart == limit) {
            base += limit;
            lineStart = 0;
            limit = 0;
            scanFrom = 0;
            return;
        }
        if (buf.length - limit >= CHUNK) {
            return;
        }
        if (lineStart > 0) {
            int keep = limit - lineStart;
            System.arraycopy(buf, lineStart, buf, 0, keep);
            base += lineStart;
            scanFrom -= lineStart;
            joinAt -= lineStart;
            limit = keep;
            lineStart = 0;
        }
        if (buf.length - limit < CHUNK && buf.length < maxCapacity) {
            long wanted = Math.max(2L * buf.length, (long) limit + CHUNK);
            byte[] bigger = new byte[(int) Math.min(wanted, maxCapacity)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
    }
}
