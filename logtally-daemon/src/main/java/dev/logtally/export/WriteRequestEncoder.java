package dev.logtally.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a Prometheus remote-write 1.0 {@code prometheus.WriteRequest} in the protobuf wire format: the four
 * messages and six fields logtally sends, written directly instead of through generated code (which would
 * need {@code protoc} in the build for ~50 lines of schema). Tests parse every output with protobuf-java's
 * own parser and re-serialize it to the same bytes.
 *
 * <pre>
 * message WriteRequest { repeated TimeSeries timeseries = 1; }
 * message TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
 * message Label        { string name = 1; string value = 2; }
 * message Sample       { double value = 1; int64 timestamp = 2; }
 * </pre>
 *
 * As protobuf-java writes proto3: fields in number order, and a field at its default (0, 0.0 with all bits
 * zero, the empty string) left out.
 *
 * <pre>{@code
 * byte[] body = Snappy.compress(WriteRequestEncoder.encode(List.of(series)));
 * }</pre>
 */
public final class WriteRequestEncoder {
    private static final int LEN = 2;
    private static final int FIXED64 = 1;
    private static final int VARINT = 0;

    private byte[] buf = new byte[1024];
    private int pos;

    private WriteRequestEncoder() {
    }

    /** The serialized {@code WriteRequest} holding {@code series} in order. */
    public static byte[] encode(List<RemoteSeries> series) {
        WriteRequestEncoder w = new WriteRequestEncoder();
        for (RemoteSeries s : series) {
            byte[][] names = new byte[s.labels().size()][];
            for (int i = 0; i < names.length; i++) {
                names[i] = s.labels().get(i).getBytes(StandardCharsets.UTF_8);
            }
            int size = seriesSize(names, s);
            w.tag(1, LEN);
            w.varint(size);
            for (int i = 0; i < names.length; i += 2) {
                w.tag(1, LEN);
                w.varint(labelSize(names[i], names[i + 1]));
                w.string(1, names[i]);
                w.string(2, names[i + 1]);
            }
            for (int i = 0; i < s.values().length; i++) {
                w.tag(2, LEN);
                w.varint(sampleSize(s.values()[i], s.timestamps()[i]));
                w.sample(s.values()[i], s.timestamps()[i]);
            }
        }
        return Arrays.copyOf(w.buf, w.pos);
    }

    private static int seriesSize(byte[][] names, RemoteSeries s) {
        int size = 0;
        for (int i = 0; i < names.length; i += 2) {
            size += delimited(labelSize(names[i], names[i + 1]));
        }
        for (int i = 0; i < s.values().length; i++) {
            size += delimited(sampleSize(s.values()[i], s.timestamps()[i]));
        }
        return size;
    }

    /** Tag byte, length varint and the message itself. */
    private static int delimited(int size) {
        return 1 + varintSize(size) + size;
    }

    private static int labelSize(byte[] name, byte[] value) {
        return (name.length == 0 ? 0 : delimited(name.length)) + (value.length == 0 ? 0 : delimited(value.length));
    }

    private static int sampleSize(double value, long timestamp) {
        return (Double.doubleToRawLongBits(value) == 0 ? 0 : 9) + (timestamp == 0 ? 0 : 1 + varintSize(timestamp));
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void sample(double value, long timestamp) {
        long bits = Double.doubleToRawLongBits(value);
        if (bits != 0) {
            tag(1, FIXED64);
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (bits >>> (8 * i));
            }
        }
        if (timestamp != 0) {
            tag(2, VARINT);
            varint(timestamp);
        }
    }

    private void string(int field, byte[] utf8) {
        if (utf8.length == 0) {
            return;
        }
        tag(field, LEN);
        varint(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }

    private void tag(int field, int wireType) {
        ensure(1);
        buf[pos++] = (byte) (field << 3 | wireType);
    }

    private void varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
