package dev.logtally.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import net.logstash.logback.argument.StructuredArgument;

/**
 * {@link JsonField} for logstash-logback-encoder 8 (Jackson 2): a structured argument writing its one field
 * straight to the generator, the same text and field as {@code StructuredArguments.value}/{@code keyValue}.
 *
 * <pre>{@code
 * log.info("{} took {} ms", Jackson2JsonField.text("method", method), Jackson2JsonField.number("duration_ms", 12.346));
 * }</pre>
 */
abstract sealed class Jackson2JsonField implements StructuredArgument {
    final String name;

    private Jackson2JsonField(String name) {
        this.name = name;
    }

    static Jackson2JsonField text(String name, String value) {
        return new Text(name, value);
    }

    static Jackson2JsonField number(String name, double value) {
        return new Number(name, value, false);
    }

    static Jackson2JsonField keyValue(String name, double value) {
        return new Number(name, value, true);
    }

    static Jackson2JsonField keyValue(String name, long value) {
        return new Whole(name, value);
    }

    private static final class Text extends Jackson2JsonField {
        private final String value;

        Text(String name, String value) {
            super(name);
            this.value = value;
        }

        @Override
        public void writeTo(JsonGenerator generator) throws IOException {
            generator.writeFieldName(name);
            if (value == null) {
                generator.writeNull();
            } else {
                generator.writeString(value);
            }
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    private static final class Number extends Jackson2JsonField {
        private final double value;
        private final String text;
        private final String rendered;

        Number(String name, double value, boolean keyValue) {
            super(name);
            this.value = value;
            this.text = Double.toString(value);
            this.rendered = keyValue ? name + "=" + text : text;
        }

        @Override
        public void writeTo(JsonGenerator generator) throws IOException {
            generator.writeFieldName(name);
            // As the Jackson 3 twin: Double.toString's text unless Jackson's fast writer is on; NaN, the
            // infinities and the fast writer are left to Jackson.
            if (Double.isFinite(value) && !generator.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)) {
                generator.writeNumber(text);
            } else {
                generator.writeNumber(value);
            }
        }

        @Override
        public String toString() {
            return rendered;
        }
    }

    private static final class Whole extends Jackson2JsonField {
        private final long value;

        Whole(String name, long value) {
            super(name);
            this.value = value;
        }

        @Override
        public void writeTo(JsonGenerator generator) throws IOException {
            generator.writeFieldName(name);
            generator.writeNumber(value);
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }
}
