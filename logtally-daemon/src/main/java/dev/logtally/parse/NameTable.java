package dev.logtally.parse;

import java.util.List;

/**
 * Finds the slot of a field name: a small open-addressing table over the names a {@link LineParser}
 * reads. Jackson hands out field names canonicalised (one {@code String} instance per distinct name,
 * its hash cached), so a lookup is one array probe and, almost always, one reference comparison.
 *
 * <p>Measured against Jackson's own {@code PropertyNameMatcher} on logstash lines (where about half the
 * fields are not read), this is faster: the matcher hashes an unmatched name's bytes twice, once for
 * itself and once more for Jackson's symbol table.
 *
 * <pre>{@code
 * NameTable t = new NameTable(List.of("level", "service"));
 * int slot = t.slot(parser.nextName());   // 0, 1, or -1 for any other name
 * }</pre>
 */
final class NameTable {
    private final String[] names;
    private final int[] hashes;
    private final int[] slots;
    private final int mask;

    /** Slot {@code i} for {@code names.get(i)}; the names must be distinct. */
    NameTable(List<String> fieldNames) {
        int size = Integer.highestOneBit(Math.max(4, fieldNames.size() * 8) - 1) << 1;
        names = new String[size];
        hashes = new int[size];
        slots = new int[size];
        mask = size - 1;
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            int at = spread(name.hashCode()) & mask;
            while (names[at] != null) {
                if (names[at].equals(name)) {
                    throw new IllegalArgumentException("field name listed twice: " + name);
                }
                at = (at + 1) & mask;
            }
            names[at] = name;
            hashes[at] = name.hashCode();
            slots[at] = i;
        }
    }

    /** The slot of {@code name}, or -1 when it is not one of the table's names. */
    int slot(String name) {
        int h = name.hashCode(); // cached in the String: Jackson hands out the same instance each time
        int at = spread(h) & mask;
        for (;;) {
            String candidate = names[at];
            if (candidate == null) {
                return -1;
            }
            if (candidate == name || hashes[at] == h && candidate.equals(name)) {
                return slots[at];
            }
            at = (at + 1) & mask;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
