package dev.logtally.logback;

import net.logstash.logback.argument.StructuredArgument;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;

/**
 * A structured argument that writes its one JSON field straight to the generator. It renders the same
 * text and the same field as logstash-logback-encoder's {@code StructuredArguments.value(name, value)}, which
 * hands every value to Jackson databind ({@code writePOJO}: a serializer lookup in a shared cache per
 * value). On the per-event path that lookup was the largest single cost the drop-in added to a timed event
 * (docs/BENCHMARKS.md, issue 2). A number's text is made once and used for both the message and the field.
 * The {@code keyValue} forms render {@code name=value} into the message, as {@code StructuredArguments.keyValue}
 * does.
 *
 * <pre>{@code
 * log.info("{} took {} ms", JsonField.text("method", method), JsonField.number("duration_ms", millis));
 * // message "mining.submit took 12.346 ms", fields "method":"mining.submit","duration_ms":12.346
 * log.info("gauge {}", JsonField.keyValue("active_connections", 42));
 * // message "gauge active_connections=42", field "active_connections":42
 * }</pre>
 */
abstract sealed class JsonField implements StructuredArgument {
    final String name;

    private JsonField(String name) {
        this.name = name;
    }

    /** A string field; null is written as JSON null and rendered {@code "null"}, as databind does. */
    static JsonField text(String name, String value) {
        return new Text(name, value);
    }

    /** A number field; NaN and the infinities are written as Jackson writes a {@code double}. */
    static JsonField number(String name, double value) {
        return new Number(name, value, false);
    }

    /** A number field rendered {@code name=value} in the message. */
    static JsonField keyValue(String name, double value) {
        return new Number(name, value, true);
    }

    /** A whole-number field rendered {@code name=value} in the message. */
    static JsonField keyValue(String name, long value) {
        return new Whole(name, value);
    }

    private static final class Text extends JsonField {
        private final String value;

        Text(String name, String value) {
            super(name);
            this.value = value;
        }

        @Override
        public void writeTo(JsonGenerator generator) {
            generator.writeName(name);
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

    private static final class Number extends JsonField {
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
        public void writeTo(JsonGenerator generator) {
            generator.writeName(name);
            // Jackson writes a finite double as Double.toString's text unless its fast writer is on; what
            // it does with NaN, the infinities or the fast writer is left to Jackson itself.
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

    private static final class Whole extends JsonField {
        private final long value;

        Whole(String name, long value) {
            super(name);
            this.value = value;
        }

        @Override
        public void writeTo(JsonGenerator generator) {
            generator.writeName(name);
            generator.writeNumber(value);
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }
}
