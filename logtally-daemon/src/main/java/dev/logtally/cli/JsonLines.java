package dev.logtally.cli;

import java.io.StringWriter;
import java.util.Collection;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes one JSON object as one line (the archive tools' {@code --json}), with Jackson's streaming
 * generator: properties in the order written, absent values (null, NaN) left out.
 *
 * <pre>{@code
 * String line = new JsonLines.Object().string("error_type", "timeout").number("count", 3).end();
 * // {"error_type":"timeout","count":3}
 * }</pre>
 */
final class JsonLines {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLines() {
    }

    /** One object under construction. */
    static final class Object {
        private final StringWriter text = new StringWriter(256);
        private final JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text);

        Object() {
            g.writeStartObject();
        }

        Object string(String name, String value) {
            if (value != null) {
                g.writeStringProperty(name, value);
            }
            return this;
        }

        Object number(String name, long value) {
            g.writeNumberProperty(name, value);
            return this;
        }

        Object number(String name, double value) {
            if (!Double.isNaN(value)) {
                g.writeNumberProperty(name, value);
            }
            return this;
        }

        Object strings(String name, Collection<String> values) {
            g.writeArrayPropertyStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
            return this;
        }

        /** The object as one line, newline included. */
        String end() {
            g.writeEndObject();
            g.close();
            return text.append('\n').toString();
        }
    }
}
