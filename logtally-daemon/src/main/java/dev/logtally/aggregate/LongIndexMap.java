package dev.logtally.aggregate;

/**
 * An open-addressing map from {@code long} keys to dense {@code int} indexes (0, 1, 2, … in insertion
 * order), without boxing: the per-event lookup of a series by its packed label ids allocates nothing.
 */
final class LongIndexMap {
    private long[] keys = new long[16];
    private int[] slots = new int[16]; // index + 1; 0 = empty
    private int size;

    /** The index of {@code key}, or -1. */
    int get(long key) {
        int mask = slots.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return s - 1;
            }
        }
    }

    /** Adds a key that is not present and returns its index ({@link #size()} before the call). */
    int add(long key) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int index = size++;
        insert(key, index + 1);
        return index;
    }

    int size() {
        return size;
    }

    private void insert(long key, int slot) {
        int mask = slots.length - 1;
        int i = mix(key) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldKeys[i], oldSlots[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
