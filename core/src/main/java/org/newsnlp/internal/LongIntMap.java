package org.newsnlp.internal;

/**
 * An open-addressing map from 64-bit keys to ints with linear probing, for lookups on hot paths without
 * boxing; a key and its value share a cache line. Not synchronized: a map filled once (while a model loads)
 * and then only read is safe to share between threads.
 */
public final class LongIntMap {

    /** Slot {@code i} is {@code table[2i]} (the key, 0 when free) and {@code table[2i + 1]} (the value). */
    private long[] table;
    private int size;
    private int mask;

    /** A map sized for about {@code expected} keys (it grows past that). */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = new long[2 * cap];
        mask = cap - 1;
    }

    private static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }

    /** The value for {@code key}, or {@code missing}. */
    public int get(long key, int missing) {
        key = nonZero(key);
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == 0) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value}. */
    public void put(long key, int value) {
        key = nonZero(key);
        if ((size + 1) * 4 > table.length) {
            grow();
        }
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                table[2 * i + 1] = value;
                return;
            }
            if (k == 0) {
                table[2 * i] = key;
                table[2 * i + 1] = value;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Number of keys. */
    public int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length / 2 - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + table.length / 2 + "]";
    }
}
