package dev.logtally.parse;

import dev.logtally.base.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link LineParser} reads: the name of each {@link LogField} in the line, the numeric fields
 * exported as gauges, and which optional text fields to capture. Immutable and validated once, when
 * built: two roles can never share a name, so a line's field always lands in exactly one slot. The
 * builder is the one place field names ({@code fields.*}, and gauges as fields) are checked; the
 * configuration loader only maps the file and flags onto it.
 *
 * <p>The defaults are the contract's field names, no gauges, and no optional field: what the tailer
 * needs. The archive tools ({@code trace}, {@code errors}) add {@link Builder#captureAll()} (or take
 * {@link #capturingAll()} of the tailer's options).
 *
 * <pre>{@code
 * ParserOptions tailer = ParserOptions.builder()
 *         .name(LogField.DURATION_MS, "elapsed_ms")
 *         .gauges(List.of("queue_depth", "pool_active"))
 *         .build();
 * ParserOptions errors = ParserOptions.builder().captureAll().build();
 * }</pre>
 */
public final class ParserOptions {
    private static final ParserOptions DEFAULTS = builder().build();

    private final Map<LogField, String> names;
    private final List<String> gauges;
    private final List<String> labels;
    private final Set<LogField> captured;
    private final Set<LogField> noted;

    private ParserOptions(Builder b) {
        this.names = Collections.unmodifiableMap(new EnumMap<>(b.names));
        this.gauges = List.copyOf(b.gauges);
        this.labels = List.copyOf(b.labels);
        this.captured = Collections.unmodifiableSet(EnumSet.copyOf(b.captured));
        this.noted = Collections.unmodifiableSet(EnumSet.copyOf(b.noted));
    }

    /** The contract's names, no gauges, no optional field captured. */
    public static ParserOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy that also captures every optional text field: what {@code trace} and {@code errors} read. */
    public ParserOptions capturingAll() {
        Builder b = builder().gauges(gauges).labels(labels).captureAll();
        names.forEach(b::name);
        return b.build();
    }

    /** A copy that also captures {@code fields}: what the tailer's error groups read of an error line. */
    public ParserOptions capturing(LogField... fields) {
        Builder b = builder().gauges(gauges).labels(labels);
        names.forEach(b::name);
        captured.forEach(b::capture);
        return b.capture(fields).build();
    }

    /**
     * A copy that notes where {@code fields} sit in each line (without decoding them), for
     * {@link LineParser#withTexts}: what the tailer's error groups read of an error line, at the cost of one
     * store per field on every line instead of a second parse of each error line.
     */
    public ParserOptions noting(LogField... fields) {
        Builder b = builder().gauges(gauges).labels(labels);
        names.forEach(b::name);
        captured.forEach(b::capture);
        noted.forEach(b::note);
        return b.note(fields).build();
    }

    /** True when {@code field} is not captured but where it sits is noted. */
    public boolean notes(LogField field) {
        return field.optional() && !captured.contains(field) && noted.contains(field);
    }

    /** The name {@code field} has in a line. */
    public String name(LogField field) {
        return names.get(field);
    }

    /** The gauge field names, in configuration order: the order of {@link Event#gauges()}. */
    public List<String> gauges() {
        return gauges;
    }

    /**
     * The extra label fields ({@code labels.extra}), in configuration order: the order of
     * {@link Event#labels()}. Each field's name is also its label's name.
     */
    public List<String> labels() {
        return labels;
    }

    /** True when {@code field} ends up in the {@link Event}: always for non-optional fields. */
    public boolean captures(LogField field) {
        return !field.optional() || captured.contains(field);
    }

    @Override
    public String toString() {
        return "ParserOptions" + names + " gauges=" + gauges + (labels.isEmpty() ? "" : " labels=" + labels)
                + " captured=" + captured;
    }

    /** Collects the options; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private final EnumMap<LogField, String> names = new EnumMap<>(LogField.class);
        private final List<String> gauges = new ArrayList<>();
        private final EnumSet<LogField> captured = EnumSet.noneOf(LogField.class);
        private final List<String> labels = new ArrayList<>();
        private final EnumSet<LogField> noted = EnumSet.noneOf(LogField.class);

        private Builder() {
            for (LogField f : LogField.values()) {
                names.put(f, f.defaultName());
            }
        }

        /** Reads {@code field} from the line's field {@code name} instead of its default name. */
        public Builder name(LogField field, String name) {
            names.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(name, "name"));
            return this;
        }

        /** The numeric fields to export as gauges (replaces any earlier list); their order is kept. */
        public Builder gauges(List<String> fieldNames) {
            gauges.clear();
            for (String g : fieldNames) {
                gauges.add(Objects.requireNonNull(g, "gauge name"));
            }
            return this;
        }

        /**
         * The fields read as extra labels (replaces any earlier list); their order is kept. A field may be
         * an optional text field too (e.g. {@code release}): it is then read once, as a label.
         */
        public Builder labels(List<String> fieldNames) {
            labels.clear();
            for (String l : fieldNames) {
                labels.add(Objects.requireNonNull(l, "label field name"));
            }
            return this;
        }

        /**
         * Also captures these optional text fields.
         *
         * @throws IllegalArgumentException for a field that is not {@linkplain LogField#optional() optional}
         *                                  (it is always read)
         */
        public Builder capture(LogField... fields) {
            for (LogField f : fields) {
                if (!f.optional()) {
                    throw new IllegalArgumentException(f + " is always read; only optional fields are captured on demand");
                }
                captured.add(f);
            }
            return this;
        }

        /**
         * Notes where these optional text fields sit in each line, without decoding them; the stack trace's
         * place is always noted when it is not captured.
         *
         * @throws IllegalArgumentException for a field that is not {@linkplain LogField#optional() optional}
         */
        public Builder note(LogField... fields) {
            for (LogField f : fields) {
                if (!f.optional()) {
                    throw new IllegalArgumentException(f + " is always read; only optional fields are noted");
                }
                if (f != LogField.STACK_TRACE) {
                    noted.add(f);
                }
            }
            return this;
        }

        /** Captures every optional text field: what {@code trace} and {@code errors} need. */
        public Builder captureAll() {
            for (LogField f : LogField.values()) {
                if (f.optional()) {
                    captured.add(f);
                }
            }
            return this;
        }

        /**
         * Checks the options and freezes them.
         *
         * @throws ConfigException naming the key ({@code fields.<key>} or {@code gauges}) of an empty name
         *                         or of a name already used by another field or gauge
         */
        public ParserOptions build() {
            Map<String, String> owner = new HashMap<>();
            for (LogField f : LogField.values()) {
                claim(owner, names.get(f), "fields." + f.key());
            }
            for (String g : gauges) {
                claim(owner, g, "gauges");
            }
            Set<String> labelNames = new HashSet<>();
            for (String l : labels) {
                String previous = owner.get(l);
                boolean sharable = previous != null && previous.startsWith("fields.")
                        && LogField.valueOf(keyField(previous)).optional() && !previous.equals("fields.stack_trace");
                if (l.isBlank()) {
                    throw new ConfigException("labels.extra", "a field name must not be empty");
                }
                if (!labelNames.add(l)) {
                    throw new ConfigException("labels.extra", "'" + l + "' is listed twice");
                }
                if (previous != null && !sharable) {
                    throw new ConfigException("labels.extra", "'" + l + "' is already the field of " + previous);
                }
            }
            return new ParserOptions(this);
        }

        /** The {@link LogField} constant's name of a {@code fields.<key>} key. */
        private static String keyField(String key) {
            String k = key.substring("fields.".length());
            for (LogField f : LogField.values()) {
                if (f.key().equals(k)) {
                    return f.name();
                }
            }
            throw new IllegalStateException(key);
        }

        private static void claim(Map<String, String> owner, String name, String key) {
            if (name.isBlank()) {
                throw new ConfigException(key, "a field name must not be empty");
            }
            String previous = owner.putIfAbsent(name, key);
            if (previous != null) {
                throw new ConfigException(key, previous.equals(key)
                        ? "'" + name + "' is listed twice"
                        : "'" + name + "' is already the field of " + previous);
            }
        }
    }
}
