package dev.logtally.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The cardinality guard of one label of one metric: admits at most {@code limit} distinct values and maps
 * every further value to {@link #OTHER}, counting each such event in its drop counter. Each admitted value
 * gets a small int id (in admission order; {@code 0} is {@code other}) so that series can be keyed by
 * numbers instead of strings.
 *
 * <p>The literal value {@code other} is never admitted and never counted as dropped: it always means the
 * {@code other} series. That keeps the guard's decisions identical whether its admitted set was built by
 * counting events or restored from the series of a checkpoint, whose {@code other} series cannot tell
 * folded values from a literal {@code other}.
 */
final class LabelGuard {
    static final String OTHER = "other";

    private final HashMap<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final int limit;
    private final Counter dropped;

    LabelGuard(int limit, Counter dropped) {
        this.limit = limit;
        this.dropped = dropped;
        ids.put(OTHER, 0);
        values.add(OTHER);
    }

    /** The id of {@code value}'s series: its own once admitted, else {@code 0} ({@code other}). */
    int id(String value) {
        Integer id = ids.get(value);
        return id != null ? id : admit(value);
    }

    private int admit(String value) {
        if (admitted() >= limit) {
            dropped.inc();
            return 0;
        }
        return add(value);
    }

    /** Admits a value found in a restored series, even past the limit (a counter is never taken away). */
    int restore(String value) {
        Integer id = ids.get(value);
        return id != null ? id : add(value);
    }

    private int add(String value) {
        int id = values.size();
        ids.put(value, id);
        values.add(value);
        return id;
    }

    String value(int id) {
        return values.get(id);
    }

    /** Number of admitted values ({@code other} not included). */
    int admitted() {
        return values.size() - 1;
    }
}
