package org.newsnlp.topic;

/**
 * Fits probability calibrations and decision thresholds on held-out scores.
 *
 * <p>Stateless and safe to use from any thread.
 */
final class Calibration {

    private Calibration() {
    }

    /**
     * The softmax temperature that minimises the log loss of held-out scores.
     *
     * @param scores scores[doc][label]
     * @param gold   the gold label index of each document
     */
    static float temperature(double[][] scores, int[] gold) {
        double lo = Math.log(0.05);
        double hi = Math.log(200);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = logLoss(scores, gold, Math.exp(a));
        double fb = logLoss(scores, gold, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = logLoss(scores, gold, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = logLoss(scores, gold, Math.exp(b));
            }
        }
        return (float) Math.exp((lo + hi) / 2);
    }

    private static double logLoss(double[][] scores, int[] gold, double t) {
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] s = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : s) {
                sum += Math.exp(t * (v - max));
            }
            loss += Math.log(sum) - t * (s[gold[i]] - max);
        }
        return loss;
    }

    /**
     * Platt's sigmoid {@code p = 1 / (1 + exp(a s + b))} fitted by Newton's method with regularised targets
     * (Lin, Lin and Weng, 2007).
     *
     * @return {@code {a, b}}
     */
    static double[] platt(double[] s, boolean[] y) {
        int n = s.length;
        int pos = 0;
        for (boolean v : y) {
            if (v) {
                pos++;
            }
        }
        int neg = n - pos;
        double hiT = (pos + 1.0) / (pos + 2.0);
        double loT = 1.0 / (neg + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = y[i] ? hiT : loT;
        }
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double sigma = 1e-12;
        double fval = 0;
        for (int i = 0; i < n; i++) {
            double f = s[i] * a + b;
            fval += f >= 0 ? t[i] * f + Math.log1p(Math.exp(-f)) : (t[i] - 1) * f + Math.log1p(Math.exp(f));
        }
        for (int iter = 0; iter < 100; iter++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double f = s[i] * a + b;
                double p;
                double q;
                if (f >= 0) {
                    p = Math.exp(-f) / (1 + Math.exp(-f));
                    q = 1 / (1 + Math.exp(-f));
                } else {
                    p = 1 / (1 + Math.exp(f));
                    q = Math.exp(f) / (1 + Math.exp(f));
                }
                double d2 = p * q;
                h11 += s[i] * s[i] * d2;
                h22 += d2;
                h21 += s[i] * d2;
                double d1 = t[i] - p;
                g1 += s[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            boolean moved = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = 0;
                for (int i = 0; i < n; i++) {
                    double f = s[i] * na + nb;
                    nf += f >= 0 ? t[i] * f + Math.log1p(Math.exp(-f)) : (t[i] - 1) * f + Math.log1p(Math.exp(f));
                }
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /**
     * The probability threshold that maximises F1 on held-out probabilities: halfway between the two
     * neighbouring values where F1 peaks; 0.5 when the label has no positives. When the best F1 is below
     * {@code fbr} the held-out data cannot be trusted (too few positives): the threshold is then the highest
     * held-out probability, as in Yang's SCutFBR.1 (2001).
     */
    static float f1Threshold(double[] p, boolean[] y, double fbr) {
        int n = p.length;
        Integer[] order = new Integer[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (y[i]) {
                pos++;
            }
        }
        if (pos == 0) {
            return 0.5f;
        }
        java.util.Arrays.sort(order, (x, z) -> Double.compare(p[z], p[x]));
        int tp = 0;
        double best = -1;
        double threshold = 0.5;
        for (int r = 0; r < n; r++) {
            if (y[order[r]]) {
                tp++;
            }
            if (r + 1 < n && p[order[r + 1]] == p[order[r]]) {
                continue;
            }
            double f1 = 2.0 * tp / (r + 1 + pos);
            if (f1 > best) {
                best = f1;
                double next = r + 1 < n ? p[order[r + 1]] : 0;
                threshold = (p[order[r]] + next) / 2;
            }
        }
        if (best < fbr) {
            threshold = Math.max(0.5, p[order[0]]);
        }
        return (float) threshold;
    }
}
