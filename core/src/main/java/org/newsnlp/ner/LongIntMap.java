package org.newsnlp.ner;

/**
 * An open-addressing map from 64-bit hashes to ints with linear probing, for lookups on the tagging path
 * without boxing. Filled once while a model loads, then only read: safe to share between threads after
 * construction.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    private static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }

    /** The value for {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        key = nonZero(key);
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value}. */
    void put(long key, int value) {
        key = nonZero(key);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
