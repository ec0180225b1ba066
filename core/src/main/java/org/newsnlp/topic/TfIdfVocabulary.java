package org.newsnlp.topic;

import java.util.Arrays;

/**
 * The hash buckets a model knows, their inverse document frequencies, and the map from bucket to column.
 *
 * <p>Immutable and safe to share between threads.
 */
final class TfIdfVocabulary {
    final int[] buckets;
    final float[] idf;
    private final int[] column;
    private final boolean sublinear;

    TfIdfVocabulary(int[] buckets, float[] idf, int hashBits, boolean sublinear) {
        if (buckets.length != idf.length) {
            throw new IllegalArgumentException("buckets and idf differ in length");
        }
        this.buckets = buckets;
        this.idf = idf;
        this.sublinear = sublinear;
        this.column = new int[1 << hashBits];
        Arrays.fill(column, -1);
        for (int i = 0; i < buckets.length; i++) {
            if (i > 0 && buckets[i] <= buckets[i - 1]) {
                throw new IllegalArgumentException("buckets must be strictly ascending");
            }
            column[buckets[i]] = i;
        }
    }

    /** Builds the vocabulary from per-document counts: buckets in at least {@code minDocFreq} documents. */
    static TfIdfVocabulary fit(FeatureHasher.Counts[] docs, int hashBits, int minDocFreq, boolean sublinear) {
        int[] df = new int[1 << hashBits];
        for (FeatureHasher.Counts d : docs) {
            for (int b : d.buckets()) {
                df[b]++;
            }
        }
        int kept = 0;
        for (int v : df) {
            if (v >= minDocFreq) {
                kept++;
            }
        }
        int[] buckets = new int[kept];
        float[] idf = new float[kept];
        int n = docs.length;
        int k = 0;
        for (int b = 0; b < df.length; b++) {
            if (df[b] >= minDocFreq) {
                buckets[k] = b;
                idf[k] = (float) (Math.log((1.0 + n) / (1.0 + df[b])) + 1.0);
                k++;
            }
        }
        return new TfIdfVocabulary(buckets, idf, hashBits, sublinear);
    }

    int size() {
        return buckets.length;
    }

    /** Number of the document's known columns, written ascending into {@code cols} with L2-normalised weights. */
    int vector(FeatureHasher.Counts counts, int[] cols, float[] vals) {
        int[] b = counts.buckets();
        int[] c = counts.counts();
        int n = 0;
        double sq = 0;
        for (int i = 0; i < b.length; i++) {
            int col = column[b[i]];
            if (col < 0) {
                continue;
            }
            double tf = sublinear ? 1.0 + Math.log(c[i]) : c[i];
            float v = (float) (tf * idf[col]);
            cols[n] = col;
            vals[n] = v;
            sq += (double) v * v;
            n++;
        }
        if (sq > 0) {
            float inv = (float) (1.0 / Math.sqrt(sq));
            for (int i = 0; i < n; i++) {
                vals[i] *= inv;
            }
        }
        return n;
    }

    /** The documents as normalised sparse rows. */
    SparseRows rows(FeatureHasher.Counts[] docs) {
        int nnz = 0;
        for (FeatureHasher.Counts d : docs) {
            nnz += d.size();
        }
        int[] rs = new int[docs.length + 1];
        int[] ix = new int[nnz];
        float[] vs = new float[nnz];
        int maxLen = 0;
        for (FeatureHasher.Counts d : docs) {
            maxLen = Math.max(maxLen, d.size());
        }
        int[] cols = new int[maxLen];
        float[] vals = new float[maxLen];
        int p = 0;
        for (int r = 0; r < docs.length; r++) {
            int n = vector(docs[r], cols, vals);
            System.arraycopy(cols, 0, ix, p, n);
            System.arraycopy(vals, 0, vs, p, n);
            p += n;
            rs[r + 1] = p;
        }
        return new SparseRows(rs, Arrays.copyOf(ix, p), Arrays.copyOf(vs, p), buckets.length);
    }
}
