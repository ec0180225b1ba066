package org.newsnlp.topic;

import java.util.SplittableRandom;

/**
 * Binary linear SVM with the squared hinge loss and L2 regularisation, solved in the dual by coordinate
 * descent (Hsieh et al., ICML 2008, the method of LIBLINEAR's default solver), with a regularised bias
 * feature of value 1.
 *
 * <p>Immutable and safe to share between threads; {@link #train} keeps its state in locals.
 */
final class DualCoordinateSvm {

    /** A trained binary model: {@code score = w . x + bias}. */
    /**
     * A trained binary model: {@code score = w . x + bias}; {@code looShift[i]} is training row i's own share
     * of its score ({@code y_i alpha_i (|x_i|^2 + 1)}), so that {@code score - looShift[i]} approximates the
     * score of a model trained without row i.
     */
    record Weights(float[] w, float bias, float[] looShift) {
        double score(SparseRows x, int row) {
            return x.dot(row, w) + bias;
        }
    }

    private final double c;
    private final double positiveWeight;
    private final int maxEpochs;
    private final double tolerance;

    DualCoordinateSvm(double c, double positiveWeight, int maxEpochs, double tolerance) {
        this.c = c;
        this.positiveWeight = positiveWeight;
        this.maxEpochs = maxEpochs;
        this.tolerance = tolerance;
    }

    /**
     * Trains on rows {@code x} with labels {@code positive}.
     *
     * @param seed seeds the order in which the coordinates are visited
     */
    Weights train(SparseRows x, boolean[] positive, long seed) {
        return train(x, positive, null, seed);
    }

    /**
     * Trains on rows {@code x} with each column multiplied by {@code scale[column]} (null for none); the
     * returned weights apply to the unscaled rows.
     */
    Weights train(SparseRows x, boolean[] positive, float[] scale, long seed) {
        if (scale != null) {
            float[] vs = x.value.clone();
            for (int p = 0; p < vs.length; p++) {
                vs[p] *= scale[x.index[p]];
            }
            Weights w = train(new SparseRows(x.rowStart, x.index, vs, x.columns), positive, null, seed);
            float[] ws = w.w();
            for (int j = 0; j < ws.length; j++) {
                ws[j] *= scale[j];
            }
            return w;
        }
        int n = x.rows();
        float[] w = new float[x.columns];
        double b = 0;
        double[] alpha = new double[n];
        double[] qd = new double[n];
        double[] diag = new double[n];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (positive[i] ? 1 : -1);
            double ci = positive[i] ? c * positiveWeight : c;
            diag[i] = 0.5 / ci;
            double sq = 1.0; // the bias feature
            for (int p = x.rowStart[i]; p < x.rowStart[i + 1]; p++) {
                sq += (double) x.value[p] * x.value[p];
            }
            qd[i] = sq + diag[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] rs = x.rowStart;
        int[] ix = x.index;
        float[] vs = x.value;
        // LIBLINEAR's shrinking: coordinates at alpha = 0 whose gradient exceeds the last pass's largest
        // projected gradient leave the active set until the active problem has converged
        int active = n;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        int epoch = 0;
        while (epoch < maxEpochs) {
            for (int i = active - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int k = 0; k < active; k++) {
                int i = order[k];
                double dot = b;
                for (int p = rs[i], e = rs[i + 1]; p < e; p++) {
                    dot += w[ix[p]] * vs[p];
                }
                double g = y[i] * dot - 1 + diag[i] * alpha[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        active--;
                        order[k] = order[active];
                        order[active] = i;
                        k--;
                        continue;
                    }
                    if (g < 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                if (pg > pgMax) {
                    pgMax = pg;
                }
                if (pg < pgMin) {
                    pgMin = pg;
                }
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double d = (alpha[i] - old) * y[i];
                    if (d != 0) {
                        for (int p = rs[i], e = rs[i + 1]; p < e; p++) {
                            w[ix[p]] += (float) (d * vs[p]);
                        }
                        b += d;
                    }
                }
            }
            epoch++;
            if (pgMax - pgMin <= tolerance) {
                if (active == n) {
                    break;
                }
                active = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMax <= 0 ? Double.POSITIVE_INFINITY : pgMax;
            pgMinOld = pgMin >= 0 ? Double.NEGATIVE_INFINITY : pgMin;
        }
        float[] shift = new float[n];
        for (int i = 0; i < n; i++) {
            shift[i] = (float) (y[i] * alpha[i] * (qd[i] - diag[i]));
        }
        return new Weights(w, (float) b, shift);
    }
}
