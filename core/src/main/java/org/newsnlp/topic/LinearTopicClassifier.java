package org.newsnlp.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A linear topic classifier over hashed TF-IDF word and character n-grams: one weight vector per label
 * (one-vs-rest), scores turned into probabilities by a softmax with a fitted temperature (single-label) or
 * by a fitted sigmoid per label with a tuned threshold (multi-label).
 *
 * <p>Get one from a {@link TopicModel} ({@code model.classifier()}) or a {@link TopicTrainer}.
 *
 * <pre>{@code
 * TopicPrediction p = TopicModel.loadShipped("news-bbc5").classifier().classify(title, body);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class LinearTopicClassifier implements TopicClassifier {

    final FeatureHasher hasher;
    final TfIdfVocabulary vocabulary;
    final List<String> labels;
    final boolean multiLabel;
    /** Feature-major weights: {@code weights[column * k + label]}. */
    final float[] weights;
    final float[] bias;
    /** Single-label: the softmax temperature is {@code calibration[0]}. Multi-label: sigmoid a, b and threshold per label. */
    final float[] calibration;
    final boolean atLeastOneLabel;
    private final int k;

    LinearTopicClassifier(TopicFeatureConfig features, TfIdfVocabulary vocabulary, List<String> labels,
                          boolean multiLabel, float[] weights, float[] bias, float[] calibration,
                          boolean atLeastOneLabel) {
        this.hasher = new FeatureHasher(Objects.requireNonNull(features, "features"));
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.labels = List.copyOf(labels);
        this.k = labels.size();
        this.multiLabel = multiLabel;
        this.weights = weights;
        this.bias = bias;
        this.calibration = calibration;
        this.atLeastOneLabel = atLeastOneLabel;
        if (k < 2 && !multiLabel) {
            throw new IllegalArgumentException("a single-label classifier needs at least two labels, got " + labels);
        }
        if (weights.length != vocabulary.size() * k || bias.length != k) {
            throw new IllegalArgumentException("weights do not match " + vocabulary.size() + " columns x " + k + " labels");
        }
        if (calibration.length != (multiLabel ? 3 * k : 1)) {
            throw new IllegalArgumentException("calibration has " + calibration.length + " values");
        }
    }

    /** The labels, in model order. */
    public List<String> labels() {
        return labels;
    }

    /** True when documents may get any number of labels. */
    public boolean multiLabel() {
        return multiLabel;
    }

    /** The feature settings. */
    public TopicFeatureConfig features() {
        return hasher.config();
    }

    @Override
    public TopicPrediction classify(String title, String text) {
        Objects.requireNonNull(text, "text");
        return fromScores(scores(title == null ? "" : title, text));
    }

    /** The raw linear scores (margins), one per label in {@link #labels()} order. */
    public double[] scores(String title, String text) {
        FeatureHasher.Counts counts = hasher.count(title == null ? "" : title, text);
        int[] cols = new int[counts.size()];
        float[] vals = new float[counts.size()];
        int n = vocabulary.vector(counts, cols, vals);
        return scores(cols, vals, n);
    }

    double[] scores(int[] cols, float[] vals, int n) {
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            s[j] = bias[j];
        }
        float[] w = weights;
        for (int i = 0; i < n; i++) {
            int base = cols[i] * k;
            float v = vals[i];
            for (int j = 0; j < k; j++) {
                s[j] += w[base + j] * v;
            }
        }
        return s;
    }

    /** The probabilities for raw scores: softmax for single-label, per-label sigmoids for multi-label. */
    double[] probabilities(double[] s) {
        double[] p = new double[k];
        if (multiLabel) {
            for (int j = 0; j < k; j++) {
                p[j] = sigmoid(calibration[3 * j] * s[j] + calibration[3 * j + 1]);
            }
            return p;
        }
        return softmax(s, calibration[0]);
    }

    static double[] softmax(double[] s, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double[] p = new double[s.length];
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            p[j] = Math.exp(temperature * (s[j] - max));
            sum += p[j];
        }
        for (int j = 0; j < s.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    static double sigmoid(double z) {
        // Platt's convention: p = 1 / (1 + exp(a s + b)), with a < 0 for a useful score
        if (z >= 0) {
            double e = Math.exp(-z);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(z));
    }

    TopicPrediction fromScores(double[] s) {
        double[] p = probabilities(s);
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(p[b], p[a]);
            return c != 0 ? c : Double.compare(s[b], s[a]);
        });
        List<Topic> topics = new ArrayList<>(k);
        for (int j : order) {
            topics.add(new Topic(labels.get(j), clamp(p[j])));
        }
        List<String> predicted = new ArrayList<>();
        if (multiLabel) {
            for (int j : order) {
                if (p[j] >= calibration[3 * j + 2]) {
                    predicted.add(labels.get(j));
                }
            }
            if (predicted.isEmpty() && atLeastOneLabel && k > 0) {
                predicted.add(labels.get(order[0]));
            }
        } else {
            predicted.add(labels.get(order[0]));
        }
        return new TopicPrediction(topics, predicted);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
