package dev.logtally.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names a {@link LineParser} reacts to, each bound to what it does with the value. Built once
 * from {@link ParserOptions}: a field the options do not ask for is simply absent, so the per-line loop
 * never tests whether a feature is on; Jackson skips the value like any unknown field.
 *
 * <p>Names are looked up in a {@link NameTable}: Jackson canonicalises field names, so no
 * {@code String} is made for a name on the per-line path once the name has been seen.
 *
 * <pre>{@code
 * FieldTable table = new FieldTable(ParserOptions.defaults());
 * int slot = table.names.slot(parser.nextName());   // then table.kinds[slot], -1 for a field not read
 * }</pre>
 */
final class FieldTable {
    static final int TIMESTAMP = 0;
    static final int LEVEL = 1;
    static final int SERVICE = 2;
    static final int METHOD = 3;
    static final int ERROR_TYPE = 4;
    static final int DURATION = 5;
    /** The stack trace when not captured: only where it starts is noted, for its head. */
    static final int STACK_HEAD = 6;
    static final int STACK_TRACE = 7;
    static final int MESSAGE = 8;
    static final int LOGGER = 9;
    static final int THREAD = 10;
    static final int CORRELATION_ID = 11;
    static final int RELEASE = 12;
    static final int STACK_HASH = 13;
    static final int GAUGE = 14;
    static final int FINGERPRINT = 15;

    /**
     * A name that is a dotted prefix of read fields ({@code log} of {@code log.level}): when its value is
     * an object, its fields are looked up in {@link #nested}{@code [slot]}, by the rest of their paths.
     */
    static final int NESTED = 16;
    /** An extra label field ({@code labels.extra}): its interned value goes to {@code Event.labels()[index]}. */
    static final int LABEL = 17;
    /** An optional text field only noted ({@code ParserOptions.noted}): where its value starts, by LogField ordinal. */
    static final int NOTED = 18;

    final NameTable names;
    /** The same names as UTF-8 bytes, same slots: for {@link LineScanner}. */
    final ByteNames bytes;
    /** What to do with the value of the field matched at each slot. */
    final int[] kinds;
    /**
     * For an optional text field read as an extra label (its name is both): the label's index, and
     * {@link #copyKinds} the text field's kind, which gets the label's value once the line is read.
     * Empty unless a captured text field is also a label.
     */
    final int[] copyLabels;
    final int[] copyKinds;
    /** For a {@link #GAUGE} slot, the index into {@link Event#gauges()}; for a {@link #LABEL} slot, into {@link Event#labels()}. */
    final int[] gaugeIndex;
    /** For a {@link #NESTED} slot, the fields inside its object; null elsewhere. */
    final FieldTable[] nested;

    FieldTable(ParserOptions options) {
        this(fieldsOf(options));
    }

    private FieldTable(List<Field> fields) {
        this(withLabels(fields), copies(fields));
    }

    /** A read field: its (possibly dotted) name, kind and gauge index. */
    private record Field(String name, int kind, int gauge) {
    }

    private static List<Field> fieldsOf(ParserOptions options) {
        List<Field> fields = new ArrayList<>();
        for (LogField f : LogField.values()) {
            int kind = kindOf(f, options.captures(f));
            if (kind >= 0) {
                fields.add(new Field(options.name(f), kind, -1));
            } else if (options.notes(f)) {
                fields.add(new Field(options.name(f), NOTED, f.ordinal()));
            }
        }
        List<String> gauges = options.gauges();
        for (int g = 0; g < gauges.size(); g++) {
            fields.add(new Field(gauges.get(g), GAUGE, g));
        }
        List<String> labels = options.labels();
        for (int k = 0; k < labels.size(); k++) {
            fields.add(new Field(labels.get(k), LABEL, k));
        }
        return fields;
    }

    /** The fields with each text field that is also an extra label left out: the label's slot reads it. */
    private static List<Field> withLabels(List<Field> fields) {
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.kind() == LABEL || fields.stream().noneMatch(l -> l.kind() == LABEL && l.name().equals(f.name()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Pairs (label index, text kind) of the text fields that are also labels, flattened. */
    private static int[][] copies(List<Field> fields) {
        List<int[]> pairs = new ArrayList<>();
        for (Field l : fields) {
            if (l.kind() == LABEL) {
                for (Field f : fields) {
                    if (f.kind() != LABEL && f.name().equals(l.name())) {
                        // A noted field read as a label: the label's value is its text.
                        int kind = f.kind() == NOTED ? kindOf(LogField.values()[f.gauge()], true) : f.kind();
                        pairs.add(new int[] {l.gauge(), kind});
                    }
                }
            }
        }
        return new int[][] {pairs.stream().mapToInt(x -> x[0]).toArray(), pairs.stream().mapToInt(x -> x[1]).toArray()};
    }

    /**
     * Each field by its whole name (a top-level key, dotted or not, as written), and, for a dotted name,
     * each prefix before a dot as a {@link #NESTED} name whose table holds the rest: {@code log.level}
     * matches {@code {"log.level":..}} and {@code {"log":{"level":..}}}. A prefix that is itself a read
     * field stays that field. Built once; a configuration without dots adds nothing.
     */
    private FieldTable(List<Field> fields, int[][] copies) {
        this.copyLabels = copies[0];
        this.copyKinds = copies[1];
        List<String> names = new ArrayList<>();
        List<Integer> kindList = new ArrayList<>();
        List<Integer> gaugeList = new ArrayList<>();
        for (Field f : fields) {
            names.add(f.name());
            kindList.add(f.kind());
            gaugeList.add(f.gauge());
        }
        Map<String, List<Field>> inside = new LinkedHashMap<>();
        for (Field f : fields) {
            for (int dot = f.name().indexOf('.'); dot > 0 && dot < f.name().length() - 1; dot = f.name().indexOf('.', dot + 1)) {
                String prefix = f.name().substring(0, dot);
                inside.computeIfAbsent(prefix, k -> new ArrayList<>())
                        .add(new Field(f.name().substring(dot + 1), f.kind(), f.gauge()));
            }
        }
        List<FieldTable> children = new ArrayList<>(java.util.Collections.nCopies(names.size(), (FieldTable) null));
        inside.forEach((prefix, rest) -> {
            if (!names.contains(prefix)) {
                names.add(prefix);
                kindList.add(NESTED);
                gaugeList.add(-1);
                children.add(new FieldTable(rest, new int[][] {new int[0], new int[0]}));
            }
        });
        this.names = new NameTable(names);
        this.bytes = new ByteNames(names);
        this.kinds = kindList.stream().mapToInt(Integer::intValue).toArray();
        this.gaugeIndex = gaugeList.stream().mapToInt(Integer::intValue).toArray();
        this.nested = children.toArray(new FieldTable[0]);
    }

    /** The kind for {@code f}, or -1 when the field is not read at all. */
    private static int kindOf(LogField f, boolean captured) {
        return switch (f) {
            case TIMESTAMP -> TIMESTAMP;
            case LEVEL -> LEVEL;
            case SERVICE -> SERVICE;
            case METHOD -> METHOD;
            case ERROR_TYPE -> ERROR_TYPE;
            case DURATION_MS -> DURATION;
            case STACK_TRACE -> captured ? STACK_TRACE : STACK_HEAD;
            case MESSAGE -> captured ? MESSAGE : -1;
            case LOGGER -> captured ? LOGGER : -1;
            case THREAD -> captured ? THREAD : -1;
            case CORRELATION_ID -> captured ? CORRELATION_ID : -1;
            case RELEASE -> captured ? RELEASE : -1;
            case STACK_HASH -> captured ? STACK_HASH : -1;
            case FINGERPRINT -> captured ? FINGERPRINT : -1;
        };
    }
}
