package org.newsnlp.ner;

/**
 * A hashed weight table of {@code 2^bits} rows of one quantised weight per label, stored without its empty
 * rows: a bitmap of the non-empty rows, the number of non-empty rows before each 64-row block, and the
 * non-empty rows' weights back to back. Immutable and safe to share between threads.
 *
 * <p>A trained perceptron touches few of its rows (the shipped NER model fills about 91,000 of 2^20), so the
 * packed table is a tenth of the full one and a tagger's reads stay in the processor caches; the bitmap also
 * lets it skip features it never saw in training without reading any weights. {@link #offset} costs one
 * bitmap word, one block count and a bit count.
 */
final class WeightRows {

    private final int bits;
    private final int labels;
    private final long[] present;
    private final int[] before;
    private final short[] values;

    private WeightRows(int bits, int labels, long[] present, short[] values) {
        this.bits = bits;
        this.labels = labels;
        this.present = present;
        this.values = values;
        this.before = new int[present.length];
        int count = 0;
        for (int k = 0; k < present.length; k++) {
            before[k] = count;
            count += Long.bitCount(present[k]);
        }
        if ((long) count * labels != values.length) {
            throw new IllegalArgumentException(count + " rows present but " + values.length + " weights for "
                    + labels + " labels");
        }
    }

    /** Packs a full table of {@code 2^bits} rows of {@code labels} weights. */
    static WeightRows pack(short[] full, int bits, int labels) {
        if (full.length != (labels << bits)) {
            throw new IllegalArgumentException("weight table of " + full.length + " is not 2^" + bits + " x " + labels);
        }
        int rows = 1 << bits;
        Builder b = new Builder(bits, labels);
        short[] row = new short[labels];
        for (int r = 0; r < rows; r++) {
            boolean any = false;
            for (int l = 0; l < labels; l++) {
                row[l] = full[r * labels + l];
                any |= row[l] != 0;
            }
            if (any) {
                b.add(r, row);
            }
        }
        return b.build();
    }

    /** Collects non-empty rows in increasing row order. */
    static final class Builder {
        private final int bits;
        private final int labels;
        private final long[] present;
        private short[] values;
        private int size;
        private int last = -1;

        Builder(int bits, int labels) {
            if (bits < 6 || bits > 26) {
                throw new IllegalArgumentException("hash bits " + bits + " outside 6..26");
            }
            this.bits = bits;
            this.labels = labels;
            this.present = new long[1 << (bits - 6)];
            this.values = new short[labels * 1024];
        }

        /** The weights of row {@code r}, which must be greater than the previous row added. */
        void add(int r, short[] weights) {
            if (r <= last || r >= (1 << bits)) {
                throw new IllegalArgumentException("weight row " + r + " out of order or outside the table");
            }
            last = r;
            present[r >>> 6] |= 1L << r;
            if ((size + 1) * labels > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            System.arraycopy(weights, 0, values, size * labels, labels);
            size++;
        }

        WeightRows build() {
            return new WeightRows(bits, labels, present, java.util.Arrays.copyOf(values, size * labels));
        }
    }

    int bits() {
        return bits;
    }

    int labels() {
        return labels;
    }

    /** Number of non-empty rows. */
    int size() {
        return values.length / labels;
    }

    /** The packed weights: row {@code i} of the non-empty rows at {@code [i * labels, (i + 1) * labels)}. */
    short[] values() {
        return values;
    }

    /** The bitmap of non-empty rows, 64 rows a word (row {@code r} is bit {@code r & 63} of word {@code r >>> 6}). */
    long[] present() {
        return present;
    }

    /** Non-empty rows before each 64-row block of {@link #present()}. */
    int[] before() {
        return before;
    }

    /** Offset of row {@code r}'s weights in {@link #values()}, or -1 when the row is empty. */
    int offset(int r) {
        long word = present[r >>> 6];
        if ((word & (1L << r)) == 0) {
            return -1;
        }
        return (before[r >>> 6] + Long.bitCount(word & ((1L << r) - 1))) * labels;
    }

    /** The row index of the {@code i}-th non-empty row. */
    int rowAt(int i) {
        int lo = 0;
        int hi = before.length - 1;
        while (lo < hi) { // the last block whose count of earlier rows is <= i
            int mid = (lo + hi + 1) >>> 1;
            if (before[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long word = present[lo];
        for (int k = before[lo]; k < i; k++) {
            word &= word - 1;
        }
        return (lo << 6) + Long.numberOfTrailingZeros(word);
    }

    /** Weight of label {@code l} in row {@code r} (0 for an empty row). */
    short get(int r, int l) {
        int o = offset(r);
        return o < 0 ? 0 : values[o + l];
    }
}
