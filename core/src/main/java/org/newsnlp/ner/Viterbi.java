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

    /** Adds the emission scores of the {@code n} tokens of {@code b} into {@code em[n * L]}. */
    static void emissions(float[] w, int labels, FeatureExtractor.Buffer b, float[] em) {
        int n = b.n;
        int[] feats = b.feats;
        int[] off = b.offsets;
        for (int i = 0; i < n; i++) {
            int o = i * labels;
            for (int l = 0; l < labels; l++) {
                em[o + l] = 0f;
            }
            for (int k = off[i]; k < off[i + 1]; k++) {
                int base = feats[k] * labels;
                for (int l = 0; l < labels; l++) {
                    em[o + l] += w[base + l];
                }
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
        for (int i = 1; i < n; i++) {
            int o = i * labels;
            int po = o - labels;
            for (int cur = 0; cur < labels; cur++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int prev = 0; prev < labels; prev++) {
                    if (!allowed[prev * labels + cur]) {
                        continue;
                    }
                    float s = score[po + prev] + trans[prev * labels + cur];
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
