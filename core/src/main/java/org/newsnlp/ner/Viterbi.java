package org.newsnlp.ner;

/**
 * First-order Viterbi decoding over hashed emission features, with the BIO constraint that {@code I-X} only
 * follows {@code B-X} or {@code I-X}. Stateless; scratch arrays are passed in by the caller.
 */
final class Viterbi {

    private Viterbi() {
    }

    /** {@code allowed[prev * L + cur]} (prev == L means sentence start) for BIO label names. */
    static boolean[] allowedTransitions(String[] labels) {
        int l = labels.length;
        boolean[] ok = new boolean[(l + 1) * l];
        for (int prev = 0; prev <= l; prev++) {
            for (int cur = 0; cur < l; cur++) {
                String c = labels[cur];
                boolean allowed = true;
                if (c.startsWith("I-")) {
                    allowed = prev < l && !labels[prev].equals("O")
                            && labels[prev].substring(2).equals(c.substring(2));
                }
                ok[prev * l + cur] = allowed;
            }
        }
        return ok;
    }

    /**
     * Emission scores of the {@code n} tokens of {@code b} into {@code em[n * L]}: quantised weights times
     * {@code scale}, added to {@code base} when it is not null. The features of {@code b} are its listed rows of
     * {@code w} plus, when {@code b.sums} is set, the precomputed per-form rows named by {@code b.roles}.
     */
    static void emissions(WeightRows w, float scale, int labels, FeatureExtractor.Buffer b, float[] base, float[] em) {
        if (labels == 9) {
            emissions9(w, scale, b, base, em);
            return;
        }
        int n = b.n;
        int[] feats = b.feats;
        int[] off = b.offsets;
        short[] values = w.values();
        int[] acc = new int[labels];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = off[i]; k < off[i + 1]; k++) {
                int row = w.offset(feats[k]);
                if (row >= 0) {
                    for (int l = 0; l < labels; l++) {
                        acc[l] += values[row + l];
                    }
                }
            }
            if (b.sums != null) {
                for (int r = i * FeatureExtractor.ROLES, e = r + FeatureExtractor.ROLES; r < e; r++) {
                    int row = b.roles[r];
                    if (row >= 0) {
                        for (int l = 0; l < labels; l++) {
                            acc[l] += b.sums[row + l];
                        }
                    }
                }
            }
            int o = i * labels;
            for (int l = 0; l < labels; l++) {
                em[o + l] = acc[l] * scale + (base == null ? 0f : base[o + l]);
            }
        }
    }

    /**
     * {@link #emissions} for the nine BIO labels of the CoNLL types, with the sums in registers and the
     * packed row lookup written out: a feature whose row is empty reads only its bitmap word.
     */
    private static void emissions9(WeightRows rows, float scale, FeatureExtractor.Buffer b, float[] base,
                                   float[] em) {
        int n = b.n;
        int[] feats = b.feats;
        int[] off = b.offsets;
        int[] sums = b.sums;
        int[] roles = b.roles;
        long[] present = rows.present();
        int[] before = rows.before();
        short[] w = rows.values();
        for (int i = 0; i < n; i++) {
            int a0 = 0;
            int a1 = 0;
            int a2 = 0;
            int a3 = 0;
            int a4 = 0;
            int a5 = 0;
            int a6 = 0;
            int a7 = 0;
            int a8 = 0;
            for (int k = off[i], end = off[i + 1]; k < end; k++) {
                int f = feats[k];
                long word = present[f >>> 6];
                if ((word & (1L << f)) == 0) {
                    continue;
                }
                int r = (before[f >>> 6] + Long.bitCount(word & ((1L << f) - 1))) * 9;
                a0 += w[r];
                a1 += w[r + 1];
                a2 += w[r + 2];
                a3 += w[r + 3];
                a4 += w[r + 4];
                a5 += w[r + 5];
                a6 += w[r + 6];
                a7 += w[r + 7];
                a8 += w[r + 8];
            }
            if (sums != null) {
                for (int k = i * FeatureExtractor.ROLES, end = k + FeatureExtractor.ROLES; k < end; k++) {
                    int r = roles[k];
                    if (r >= 0) {
                        a0 += sums[r];
                        a1 += sums[r + 1];
                        a2 += sums[r + 2];
                        a3 += sums[r + 3];
                        a4 += sums[r + 4];
                        a5 += sums[r + 5];
                        a6 += sums[r + 6];
                        a7 += sums[r + 7];
                        a8 += sums[r + 8];
                    }
                }
            }
            int o = i * 9;
            if (base == null) {
                em[o] = a0 * scale;
                em[o + 1] = a1 * scale;
                em[o + 2] = a2 * scale;
                em[o + 3] = a3 * scale;
                em[o + 4] = a4 * scale;
                em[o + 5] = a5 * scale;
                em[o + 6] = a6 * scale;
                em[o + 7] = a7 * scale;
                em[o + 8] = a8 * scale;
            } else {
                em[o] = base[o] + a0 * scale;
                em[o + 1] = base[o + 1] + a1 * scale;
                em[o + 2] = base[o + 2] + a2 * scale;
                em[o + 3] = base[o + 3] + a3 * scale;
                em[o + 4] = base[o + 4] + a4 * scale;
                em[o + 5] = base[o + 5] + a5 * scale;
                em[o + 6] = base[o + 6] + a6 * scale;
                em[o + 7] = base[o + 7] + a7 * scale;
                em[o + 8] = base[o + 8] + a8 * scale;
            }
        }
    }

    /**
     * Best label sequence.
     *
     * @param em      emission scores {@code [n * L]}
     * @param trans   transition scores {@code [prev * L + cur]}
     * @param start   start scores {@code [L]}
     * @param allowed from {@link #allowedTransitions}
     * @param score   scratch {@code [n * L]}
     * @param back    scratch {@code [n * L]}
     * @param out     best labels {@code [n]}
     */
    static void decode(int n, int labels, float[] em, float[] trans, float[] start, boolean[] allowed,
                       float[] score, int[] back, int[] out) {
        if (n == 0) {
            return;
        }
        for (int l = 0; l < labels; l++) {
            score[l] = allowed[labels * labels + l] ? start[l] + em[l] : Float.NEGATIVE_INFINITY;
        }
        // a forbidden transition scores -infinity, which never beats the running best: the same choice as
        // skipping it, without a branch in the inner loop
        float[] tm = new float[labels * labels];
        for (int k = 0; k < tm.length; k++) {
            tm[k] = allowed[k] ? trans[k] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            int o = i * labels;
            int po = o - labels;
            for (int cur = 0; cur < labels; cur++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int prev = 0; prev < labels; prev++) {
                    float s = score[po + prev] + tm[prev * labels + cur];
                    if (s > best) {
                        best = s;
                        arg = prev;
                    }
                }
                score[o + cur] = best + em[o + cur];
                back[o + cur] = arg;
            }
        }
        int last = (n - 1) * labels;
        int arg = 0;
        for (int l = 1; l < labels; l++) {
            if (score[last + l] > score[last + arg]) {
                arg = l;
            }
        }
        out[n - 1] = arg;
        for (int i = n - 1; i > 0; i--) {
            arg = back[i * labels + arg];
            out[i - 1] = arg;
        }
    }
}
