package org.newsnlp.topic;

/**
 * Documents as compressed sparse rows of feature index and weight, with sorted indices per row.
 *
 * <p>Immutable after construction (the arrays are not exposed outside the package) and safe to share
 * between threads.
 */
final class SparseRows {
    final int[] rowStart;
    final int[] index;
    final float[] value;
    final int columns;

    SparseRows(int[] rowStart, int[] index, float[] value, int columns) {
        this.rowStart = rowStart;
        this.index = index;
        this.value = value;
        this.columns = columns;
    }

    int rows() {
        return rowStart.length - 1;
    }

    /** The rows at {@code which}, in that order. */
    SparseRows select(int[] which) {
        int nnz = 0;
        for (int r : which) {
            nnz += rowStart[r + 1] - rowStart[r];
        }
        int[] rs = new int[which.length + 1];
        int[] ix = new int[nnz];
        float[] vs = new float[nnz];
        int p = 0;
        for (int i = 0; i < which.length; i++) {
            int r = which[i];
            int len = rowStart[r + 1] - rowStart[r];
            System.arraycopy(index, rowStart[r], ix, p, len);
            System.arraycopy(value, rowStart[r], vs, p, len);
            p += len;
            rs[i + 1] = p;
        }
        return new SparseRows(rs, ix, vs, columns);
    }

    double dot(int row, float[] w) {
        double s = 0;
        for (int p = rowStart[row], e = rowStart[row + 1]; p < e; p++) {
            s += w[index[p]] * value[p];
        }
        return s;
    }
}
