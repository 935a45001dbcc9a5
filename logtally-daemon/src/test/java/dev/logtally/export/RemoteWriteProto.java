package dev.logtally.export;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.xerial.snappy.Snappy;

/**
 * Prometheus' remote-write schema ({@code prompb/types.proto}, {@code remote.proto}: the four messages
 * logtally writes) built in code as a protobuf-java descriptor, so that tests decode logtally's bytes with
 * protobuf-java's own parser (no protoc in the build).
 */
final class RemoteWriteProto {
    static final Descriptor WRITE_REQUEST;
    static final Descriptor TIME_SERIES;
    static final Descriptor LABEL;
    static final Descriptor SAMPLE;

    static {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("prompb.proto").setPackage("prometheus").setSyntax("proto3")
                .addMessageType(DescriptorProto.newBuilder().setName("WriteRequest")
                        .addField(repeated("timeseries", 1, ".prometheus.TimeSeries")))
                .addMessageType(DescriptorProto.newBuilder().setName("TimeSeries")
                        .addField(repeated("labels", 1, ".prometheus.Label"))
                        .addField(repeated("samples", 2, ".prometheus.Sample")))
                .addMessageType(DescriptorProto.newBuilder().setName("Label")
                        .addField(scalar("name", 1, FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(scalar("value", 2, FieldDescriptorProto.Type.TYPE_STRING)))
                .addMessageType(DescriptorProto.newBuilder().setName("Sample")
                        .addField(scalar("value", 1, FieldDescriptorProto.Type.TYPE_DOUBLE))
                        .addField(scalar("timestamp", 2, FieldDescriptorProto.Type.TYPE_INT64)))
                .build();
        try {
            FileDescriptor fd = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
            WRITE_REQUEST = fd.findMessageTypeByName("WriteRequest");
            TIME_SERIES = fd.findMessageTypeByName("TimeSeries");
            LABEL = fd.findMessageTypeByName("Label");
            SAMPLE = fd.findMessageTypeByName("Sample");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RemoteWriteProto() {
    }

    private static FieldDescriptorProto.Builder repeated(String name, int number, String type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(type);
    }

    private static FieldDescriptorProto.Builder scalar(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(type);
    }

    /** {@code bytes} parsed by protobuf-java as a WriteRequest. */
    static DynamicMessage parse(byte[] bytes) {
        try {
            return DynamicMessage.parseFrom(WRITE_REQUEST, bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("protobuf-java cannot parse the bytes: " + e.getMessage(), e);
        }
    }

    /** A snappy-compressed request body as lines {@code name=value,name=value value@timestamp}, one per sample. */
    static List<String> samples(byte[] snappyBody) {
        try {
            return lines(parse(Snappy.uncompress(snappyBody)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per sample, in request order. */
    static List<String> lines(DynamicMessage request) {
        List<String> out = new ArrayList<>();
        for (Object ts : (List<?>) request.getField(WRITE_REQUEST.findFieldByName("timeseries"))) {
            DynamicMessage series = (DynamicMessage) ts;
            StringBuilder labels = new StringBuilder();
            for (Object l : (List<?>) series.getField(TIME_SERIES.findFieldByName("labels"))) {
                DynamicMessage label = (DynamicMessage) l;
                if (labels.length() > 0) {
                    labels.append(',');
                }
                labels.append(label.getField(LABEL.findFieldByName("name"))).append('=')
                        .append(label.getField(LABEL.findFieldByName("value")));
            }
            for (Object s : (List<?>) series.getField(TIME_SERIES.findFieldByName("samples"))) {
                DynamicMessage sample = (DynamicMessage) s;
                out.add(labels + " " + sample.getField(SAMPLE.findFieldByName("value")) + "@"
                        + sample.getField(SAMPLE.findFieldByName("timestamp")));
            }
        }
        return out;
    }
}
